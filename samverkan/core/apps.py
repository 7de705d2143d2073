from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "samverkan.core"
    label = "core"
    verbose_name = "Samverkan"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from samverkan.core import pagecache

        connection_created.connect(pagecache.install_on, dispatch_uid="samverkan.pagecache")
