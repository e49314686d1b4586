"""Search attributes of medoc for sunpy's Fido, reachable as ``sunpy.net.attrs.medoc`` once medoc_client is imported."""

from sunpy.net.attr import SimpleAttr

__all__ = ["Product", "Release"]


def __dir__():
    return __all__


class Product(SimpleAttr):
    """Derived products of a type instead of observations, e.g. ``a.medoc.Product('dem')``; ``version`` picks one
    version (default: every version)."""

    def __init__(self, value, version=None):
        super().__init__(str(value).lower())
        self.version = version

    def __repr__(self):
        return f"<medoc.Product({self.value!r}{'' if self.version is None else ', version=' + repr(self.version)})>"


class Release(SimpleAttr):
    """Only the files of a published release: ``a.medoc.Release('spice-demo', '1.0')``, or the newest published
    version of the collection without a version."""

    def __init__(self, value, version=None):
        collection, _, embedded = str(value).partition("/")
        super().__init__(collection)
        self.version = version or embedded or None

    def __repr__(self):
        return f"<medoc.Release({self.value!r}{'' if self.version is None else ', ' + repr(self.version)})>"
