"""Create or reset a web user until `claimgraph users add` exists.

    .venv/bin/python scripts/add_user.py NAME --role editor [--db ./claimgraph.db]

The password is read from $CLAIMGRAPH_PASSWORD or asked for (never taken on the command line).
"""

from __future__ import annotations

import argparse
import getpass
import os

from claimgraph.config import Settings
from claimgraph.store.db import open_store
from claimgraph.web.auth import ROLES, add_user


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("name")
    ap.add_argument("--role", choices=ROLES, default="reader")
    ap.add_argument("--db", default=Settings().db)
    args = ap.parse_args()
    password = os.environ.get("CLAIMGRAPH_PASSWORD") or getpass.getpass("password: ")
    store = open_store(args.db)
    with store.session() as s:
        add_user(session=s, name=args.name, password=password, role=args.role)
    store.close()
    print(f"user {args.name} ({args.role}) saved in {args.db}")


if __name__ == "__main__":
    main()
