from django.core.management.commands import makemessages


class Command(makemessages.Command):
    """
    Django's makemessages without gettext's fuzzy guesses: a guessed
    translation of a similar message is wrong more often than not, and a
    fuzzy entry is silently left out of the compiled catalog.
    """

    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
