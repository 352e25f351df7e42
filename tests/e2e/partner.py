"""A partner's site on another origin than the fair's, which embeds the programme widget by
its script tag (the `partner` fixture is in conftest)."""


def partner_page(page, partner, body):
    """The partner's page, on its own origin, as the partner writes it."""
    folder, origin = partner
    (folder / "agenda.html").write_text(
        f"""<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Partenaire</title></head>
        <body style="margin:0;font-family:sans-serif"><main><h1>Notre agenda</h1>{body}
        <p id="after">Pied de page du partenaire</p></main></body></html>""",
        encoding="utf-8",
    )
    page.goto(f"{origin}/agenda.html")


def script_tag(base, **attributes):
    data = " ".join(f'data-{name}="{value}"' for name, value in attributes.items())
    return f'<script src="{base}/static/js/programme-widget.js" {data} async></script>'


def widget_frame(page):
    frame_element = page.wait_for_selector("iframe.fairsite-programme-widget")
    frame = frame_element.content_frame()
    frame.wait_for_selector(".widget-session")
    # Sized to its content by its own message: taller than the default, no scrolling inside.
    page.wait_for_function(
        """() => {
            const frame = document.querySelector("iframe.fairsite-programme-widget");
            const inner = frame.contentDocument ? null : frame.getBoundingClientRect().height;
            return inner !== null && frame.style.height !== "";
        }"""
    )
    return frame_element, frame
