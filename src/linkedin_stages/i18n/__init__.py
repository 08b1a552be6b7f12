"""Every word the tool shows, one catalogue per language, and CLDR formatting (Babel)."""
