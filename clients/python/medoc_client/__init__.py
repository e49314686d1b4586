"""Python client of a medoc archive, with a sunpy Fido plugin.

    from medoc_client import MedocClient
    medoc = MedocClient("http://localhost:8080")
    table = medoc.search("2024-01-01", "2024-01-02", instrument="AIA", wavelength=171, cadence=3600)
    files = medoc.download(table, "data/")

Importing the package registers ``MedocFidoClient`` with sunpy's Fido when sunpy and parfive are installed.
"""

__version__ = "0.1.0"

from .errors import ApiError, ChecksumMismatch, DownloadError, FailedFile, MedocError, ServerUnreachable  # noqa: E402
from .client import MedocClient, Release  # noqa: E402

__all__ = ["MedocClient", "Release", "MedocError", "ServerUnreachable", "ApiError", "ChecksumMismatch", "DownloadError",
           "FailedFile"]

try:  # the Fido plugin is optional: it needs sunpy and parfive
    import sunpy.net  # noqa: F401
    import parfive  # noqa: F401
except ImportError:  # pragma: no cover - depends on the installation
    MedocFidoClient = None
else:
    from .fido import MedocFidoClient, configure  # noqa: E402  (defining the class registers it with Fido)
    __all__ += ["MedocFidoClient", "configure"]
