"""Atom feeds of the same streams as the emails: one per topic and one for everything.

Every happening is public by contract, so the feeds need no permission; an unknown topic is a
404."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from samverkan.subscriptions import topics as topic_keys
from samverkan.subscriptions.models import Happening

FEED_SIZE = 50
#: The address segment of each kind's feed.
FEED_SEGMENTS = {
    topic_keys.THEME: "tema",
    topic_keys.DISTRICT: "omrade",
    topic_keys.BODY: "organ",
    topic_keys.DEPARTMENT: "forvaltning",
    topic_keys.CONSULTATION: "remiss",
    topic_keys.WATCH_ITEM: "bevakning",
}
_KIND_BY_SEGMENT = {segment: kind for kind, segment in FEED_SEGMENTS.items()}


def feed_path(key: str) -> str:
    """The address of a topic's feed, e.g. ``/flode/tema/idrott.atom``."""
    kind, value = topic_keys.split(key) or ("", "")
    return reverse("subscriptions:topic_feed", args=[FEED_SEGMENTS[kind], value])


class AllFeed(Feed):
    feed_type = Atom1Feed

    def title(self) -> str:
        return _("Samverkan: everything new")

    def subtitle(self) -> str:
        return _("New consultations, watch-list news, meetings, minutes and decisions.")

    def link(self) -> str:
        return reverse("subscriptions:subscribe")

    def items(self):
        return Happening.objects.order_by("-occurred_at", "-pk")[:FEED_SIZE]

    def item_title(self, item: Happening) -> str:
        return f"{item.get_kind_display()}: {item.title}"

    def item_description(self, item: Happening) -> str:
        return item.summary

    def item_link(self, item: Happening) -> str:
        return item.path

    def item_guid(self, item: Happening) -> str:
        return f"happening-{item.pk}-{item.path}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Happening):
        return item.occurred_at

    def item_updateddate(self, item: Happening):
        return item.occurred_at


class TopicFeed(AllFeed):
    def get_object(self, request, segment: str, value: str) -> dict:
        kind = _KIND_BY_SEGMENT.get(segment)
        key = f"{kind}:{value}"
        if kind is None or topic_keys.obj_for(key) is None:
            raise Http404
        return {"key": key, "label": topic_keys.labels([key])[key]}

    def title(self, obj: dict) -> str:
        return _("Samverkan: %(topic)s") % {"topic": obj["label"]}

    def subtitle(self, obj: dict) -> str:
        return _("What is new about %(topic)s.") % {"topic": obj["label"]}

    def link(self, obj: dict) -> str:
        return reverse("subscriptions:subscribe") + "?" + urlencode({"amne": obj["key"]})

    def items(self, obj: dict):
        return Happening.objects.filter(topics__topic=obj["key"]).order_by("-occurred_at", "-pk")[
            :FEED_SIZE
        ]
