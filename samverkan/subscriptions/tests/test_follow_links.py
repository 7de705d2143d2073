"""The pages of a body and a watch-list item offer "follow by email" with the topic chosen,
and a feed of the same stream."""

import re
from xml.etree import ElementTree

from samverkan.subscriptions.tests.conftest import record
from samverkan.watchlist.services import watch_item_create


def _follow_links(html: str) -> list[str]:
    block = html.split('class="follow"', 1)[1].split("</p>", 1)[0]
    return [link.replace("&amp;", "&") for link in re.findall(r'href="([^"]+)"', block)]


def test_a_watch_list_item_page_links_to_following_it(client, topics_setup):
    item = watch_item_create(title="Fritidskortet", kind="project")
    record("watch_item", "Fritidskortet: ny uppdatering", [f"watchitem:{item.pk}"])

    page = client.get(f"/pa-gang/{item.pk}/").content.decode()
    subscribe, feed = _follow_links(page)

    form = client.get(subscribe).content.decode()
    assert f'value="watchitem:{item.pk}" id="id_items_0" checked' in form
    entries = ElementTree.fromstring(client.get(feed).content).findall(
        "{http://www.w3.org/2005/Atom}entry"
    )
    assert [e.findtext("{http://www.w3.org/2005/Atom}title") for e in entries] == [
        "Bevakningslista: Fritidskortet: ny uppdatering",
        "Bevakningslista: På bevakningslistan: Fritidskortet",
    ]


def test_a_body_page_links_to_following_its_meetings(client, topics_setup):
    council = topics_setup.council
    page = client.get(f"/organ/{council.slug}/").content.decode()
    subscribe, feed = _follow_links(page)
    assert subscribe == f"/prenumerera/?amne=body:{council.pk}"
    form = client.get(subscribe).content.decode()
    assert re.search(rf'value="body:{council.pk}" id="id_bodies_\d+" checked', form)
    assert client.get(feed).status_code == 200
