"""Names of the kinds of search results for the sources that the search app wrote itself.

They live here, in the search app's catalogue, so that the apps' ``search.py`` files add no
strings to the catalogues of their apps."""

from django.utils.translation import gettext_lazy as _

ORGANISATIONS = _("Organisations")
CONTACT_POINTS = _("Contact points")
MEETINGS = _("Meetings and minutes")
DECISIONS = _("Decisions")
