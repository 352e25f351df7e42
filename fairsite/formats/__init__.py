"""Date and number formats where the fair's readers write them differently from Django's
defaults (FORMAT_MODULE_PATH); a language with no module here keeps Django's."""
