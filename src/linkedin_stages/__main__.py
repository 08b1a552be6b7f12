"""Allow `python -m linkedin_stages`."""

from .cli import main

main()
