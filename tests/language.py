"""Words in the other script on a page: Latin letters on an Arabic page, Arabic letters on a
French one, outside the elements marked with another language (`lang`)."""

import re
from html.parser import HTMLParser

SCRIPTS = {
    "ar": re.compile(r"[A-Za-z\u00c0-\u024f]{2,}"),  # Latin words on an Arabic page
    "fr": re.compile(r"[\u0600-\u06ff]{2,}"),  # Arabic words on a French page
}
NOT_READ = {"script", "style", "template"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip
READ_ATTRIBUTES = ("title", "aria-label", "alt", "placeholder")


class LanguageReader(HTMLParser):
    """Collects the words of the other script that are not inside an element marked with a
    language other than the page's, and the page's links."""

    def __init__(self, language: str):
        super().__init__(convert_charrefs=True)
        self.language = language
        self.stack: list[tuple[str, str, bool]] = []
        self.found: list[tuple[str, str]] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        language = attrs.get("lang") or self._language()
        if tag == "html":
            self.language = language = attrs.get("lang", self.language)
        hidden = tag in NOT_READ or (self.stack and self.stack[-1][2])
        if language == self.language and not hidden:
            for name in READ_ATTRIBUTES:
                if attrs.get(name):
                    self._read(attrs[name], f"{tag}@{name}")
        if tag not in VOID:
            self.stack.append((tag, language, bool(hidden)))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        if self.stack and self.stack[-1][2]:
            return
        if self._language() == self.language:
            self._read(data, self.stack[-1][0] if self.stack else "")

    def _language(self) -> str:
        return self.stack[-1][1] if self.stack else self.language

    def _read(self, text: str, where: str):
        for word in SCRIPTS[self.language[:2]].findall(text):
            self.found.append((word, f"{where}: {' '.join(text.split())[:80]}"))


def unmarked_words(html: str, language: str) -> list[str]:
    """The words of the other script that no element marks with its language."""
    reader = LanguageReader(language)
    reader.feed(html)
    return [word for word, _where in reader.found]
