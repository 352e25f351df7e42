"""WCAG 2.2 A and AA checks with axe-core, run inside the page the test has open.

axe-core comes from the npm packages (`make static` installs it with the site's assets); the
script is evaluated through the browser's devtools channel, which the page's Content Security
Policy does not govern, so the policy the site sends is the one checked.
"""

from pathlib import Path

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def axe_violations(page, *, exclude: tuple[str, ...] = ()) -> list[dict]:
    """The WCAG 2.2 A/AA violations axe finds on the page as it is now: each with its rule,
    impact and the selectors of the elements at fault."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        """([tags, exclude]) => axe.run(
            {include: [document], exclude: exclude.map((selector) => [selector])},
            {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]},
        )""",
        [WCAG_22_AA, list(exclude)],
    )
    return [
        {
            "rule": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "targets": [" ".join(map(str, node["target"])) for node in violation["nodes"]],
        }
        for violation in result["violations"]
    ]


def describe(violations: list[dict]) -> str:
    return "\n".join(
        f"{v['impact']}: {v['rule']} ({v['help']}) at {', '.join(v['targets'][:5])}"
        for v in violations
    )
