from django.urls import path

from samverkan.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("tillganglighet/", views.accessibility, name="accessibility"),
    path("personuppgifter/", views.privacy, name="privacy"),
    path("personuppgifter/<slug:slug>/", views.privacy_purpose, name="privacy_purpose"),
    path("kontakt/", views.contact, name="contact"),
    path("sprak/<str:language>/", views.language_choose, name="language"),
]
