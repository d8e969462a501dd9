"""What the public lists' filter forms share."""

from django.utils.translation import gettext


def filter_values(form):
    """
    The valid values of a list's filter ``form`` (read from the address) and
    a notice for each value left out: the other filters still apply.
    """
    if not form.is_bound:
        return {}, []
    form.is_valid()
    notices = [
        gettext("The filter “%(filter)s” was not used: %(error)s")
        % {"filter": form.fields[name].label, "error": errors[0]}
        for name, errors in form.errors.items()
    ]
    return dict(form.cleaned_data), notices
