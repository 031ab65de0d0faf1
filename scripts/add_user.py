"""Create or reset a web user (kept for old notes; prefer `claimgraph users add`).

    .venv/bin/python scripts/add_user.py NAME --role editor [--db ./claimgraph.db]

The password is read from $CLAIMGRAPH_PASSWORD or asked for (never taken on the command line).
It calls the same function as `claimgraph users add NAME --reset`.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from claimgraph.cli.users import save_user
from claimgraph.config import Settings
from claimgraph.web.auth import ROLES


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("name")
    ap.add_argument("--role", choices=ROLES, default="reader")
    ap.add_argument("--db", default=Settings().db)
    args = ap.parse_args()
    password = os.environ.get("CLAIMGRAPH_PASSWORD") or getpass.getpass("password: ")
    try:
        save_user(db=args.db, name=args.name, role=args.role, password=password, reset=True)
    except ValueError as exc:
        sys.exit(f"error: {exc}")
    print(f"user {args.name} ({args.role}) saved in {args.db}")


if __name__ == "__main__":
    main()
