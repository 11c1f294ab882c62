"""``python -m scraper.sample_site --port 8765``: serve the sample council by hand until Ctrl-C."""

from __future__ import annotations

import argparse
import time

from .server import serve_sample_site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scraper.sample_site", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--prefix", default="", help="install under a sub-path, e.g. /moderngov")
    parser.add_argument("--plain", action="store_true", help="turn off the failure variants (WAF, 503, malformed page)")
    args = parser.parse_args(argv)
    variants = {"prefix": args.prefix}
    if args.plain:
        variants.update(waf_first=False, flaky_first=False, malformed=False)
    server = serve_sample_site(args.host, args.port, **variants)
    print(f"Sample council at {server.base_url}/ (robots.txt at {server.root_url}/robots.txt); Ctrl-C to stop")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
