"""Correction: a person corrects their own name and phone; each change is kept, before and after."""

from __future__ import annotations

from samverkan.accounts.services import user_get_or_create
from samverkan.privacy.models import Correction
from samverkan.privacy.tests.conftest import client_for

CORRECT = "/konto/mina-uppgifter/ratta/"


def test_the_form_is_filled_in_with_what_is_there(world):
    page = client_for(world.anna.user).get(CORRECT).content.decode()
    assert 'value="Anna Andersson"' in page
    assert 'value="070-111 22 33"' in page
    assert "Ditt namn i rådets personlista" in page


def test_a_person_corrects_their_names_and_phone_and_the_change_is_kept(world):
    client = client_for(world.anna.user)
    response = client.post(
        CORRECT,
        {"full_name": "Anna Ek", "person_name": "Anna  Ek ", "person_phone": "070-444 55 66"},
    )
    assert response.status_code == 302 and response["Location"] == "/konto/mina-uppgifter/"
    world.anna.user.refresh_from_db()
    world.anna.person.refresh_from_db()
    assert world.anna.user.full_name == "Anna Ek"
    assert (world.anna.person.name, world.anna.person.phone) == ("Anna Ek", "070-444 55 66")
    assert world.anna.person.name_sort != "", "changed through the meetings app's service"
    kept = {(c.field, c.before, c.after) for c in Correction.objects.filter(user=world.anna.user)}
    assert kept == {
        ("account_name", "Anna Andersson", "Anna Ek"),
        ("person_name", "Anna Andersson", "Anna Ek"),
        ("person_phone", "070-111 22 33", "070-444 55 66"),
    }
    page = client.get("/konto/mina-uppgifter/").content.decode()
    assert "Dina rättelser är sparade." in page
    assert "Namn i rådets personlista" in page and "070-444 55 66" in page
    # The minutes show the corrected name: the attendance list reads the person's name.
    minutes = client.get(f"/moten/{world.meeting.pk}/").content.decode()
    assert "Anna Ek" in minutes and "Anna Andersson" not in minutes
    # Bert is untouched.
    world.bert.person.refresh_from_db()
    assert world.bert.person.name == "Bertil Bengtsson"
    assert not Correction.objects.filter(user=world.bert.user).exists()


def test_nothing_changed_records_nothing(world):
    response = client_for(world.anna.user).post(
        CORRECT,
        {
            "full_name": "Anna Andersson",
            "person_name": "Anna Andersson",
            "person_phone": "070-111 22 33",
        },
        follow=True,
    )
    assert "Inget ändrades." in response.content.decode()
    assert not Correction.objects.exists()


def test_bad_input_is_explained_in_swedish_and_changes_nothing(world):
    client = client_for(world.anna.user)
    for data, message in [
        ({"full_name": "<script>x</script>", "person_name": "Anna"}, "utan HTML-kod"),
        ({"full_name": "Anna", "person_name": ""}, "Detta fält måste fyllas i."),
        ({"full_name": "Anna", "person_name": "Anna", "person_phone": "ring mig"}, "siffror"),
        ({"full_name": "A" * 201, "person_name": "Anna"}, "200 tecken"),
    ]:
        response = client.post(CORRECT, data)
        assert response.status_code == 400, data
        assert message in response.content.decode(), data
    world.anna.user.refresh_from_db()
    world.anna.person.refresh_from_db()
    assert world.anna.user.full_name == "Anna Andersson"
    assert world.anna.person.phone == "070-111 22 33"
    assert not Correction.objects.exists()


def test_someone_outside_the_list_of_people_corrects_only_their_account_name(db):
    user = user_get_or_create(email="ny@example.org", full_name="Ny Person")
    client = client_for(user)
    page = client.get(CORRECT).content.decode()
    assert "person_phone" not in page
    response = client.post(
        CORRECT, {"full_name": "Ny Persson", "person_name": "Någon annan", "person_phone": "1"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.full_name == "Ny Persson"
    assert list(Correction.objects.values_list("field", flat=True)) == ["account_name"]
