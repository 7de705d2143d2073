from django.urls import path

from samverkan.history import views

app_name = "history"
urlpatterns = [
    path("diarium/", views.diarium, name="diarium"),
    path("diarium/inkomna.csv", views.diarium_csv, name="diarium_csv"),
    path(
        "<str:app_label>/<str:model_name>/<str:object_id>/",
        views.object_history,
        name="object_history",
    ),
]
