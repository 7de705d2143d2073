from django.urls import path

from . import views

app_name = "minutes_import"
urlpatterns = [
    path("sekreterare/import/", views.upload, name="upload"),
    path("sekreterare/import/granska/", views.preview, name="preview"),
    path("sekreterare/import/identiteter/", views.suggestion_list, name="suggestion_list"),
    path("sekreterare/import/dokument/", views.document_list, name="document_list"),
]
