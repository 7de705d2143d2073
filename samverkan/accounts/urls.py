from django.contrib.auth import views as auth_views
from django.urls import path

from samverkan.accounts import views

app_name = "accounts"
urlpatterns = [
    path("logga-in/", views.login_request, name="login"),
    path("logga-in/lank/<str:token>/", views.login_confirm, name="login_confirm"),
    path(
        "logga-in/losenord/",
        auth_views.LoginView.as_view(template_name="accounts/login_password.html"),
        name="login_password",
    ),
    path("logga-ut/", views.logout_view, name="logout"),
]
