"""A sample ModernGov site for a fictional council (the Borough of Eastmere), served on loopback.

It is what the tests crawl over real HTTP and what ``minutes demo`` serves: ModernGov-shaped HTML
pages inside a council template, the ``mgWebService.asmx`` XML, robots.txt and documents, from a
committed data set (``data/council.json``), with the quirks real installs have as toggleable variants
(see ``app.SampleSite``).

    with serve_sample_site() as site:
        crawl(site.base_url)
        assert not site.requested("/mgUserInfo.aspx")
"""

from __future__ import annotations

from .app import SampleSite
from .dataset import Dataset, load_dataset
from .server import SampleSiteServer, serve_sample_site

__all__ = ["SampleSite", "SampleSiteServer", "serve_sample_site", "Dataset", "load_dataset"]
