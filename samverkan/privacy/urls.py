from django.urls import path

from samverkan.privacy import views

app_name = "privacy"
urlpatterns = [
    path("konto/mina-uppgifter/", views.my_data, name="my_data"),
    path("konto/mina-uppgifter.json", views.my_data_json, name="my_data_json"),
    path("konto/mina-uppgifter/ratta/", views.correct, name="correct"),
    path("konto/mina-uppgifter/radera/", views.erase, name="erase"),
    path("sekreterare/radering/", views.erasure_requests, name="erasure_requests"),
]
