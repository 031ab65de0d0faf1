"""`claimgraph users …`: sign-in accounts for the web pages (reader, editor, admin)."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer
from rich.markup import escape

from claimgraph.cli.common import DbOption, JsonOption, fail, out, print_json, store_for

PASSWORD_ENV = "CLAIMGRAPH_PASSWORD"
group = typer.Typer(
    help="Web sign-in accounts: add, list, set-role, remove (passwords stored as argon2 hashes).",
    no_args_is_help=True,
)
RoleOpt = Annotated[str, typer.Option("--role", help="reader, editor or admin.")]


def register(app: typer.Typer) -> None:
    app.add_typer(group, name="users")


def read_password(from_stdin: bool) -> str:
    """The new password: one line of stdin, else $CLAIMGRAPH_PASSWORD, else a hidden prompt
    asked twice. Never a command-line argument, which other users can read in `ps`."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    return typer.prompt("Password", hide_input=True, confirmation_prompt=True)


def save_user(*, db: str | None, name: str, role: str, password: str, reset: bool) -> bool:
    """Create the account (or, with reset, replace its password and role); True when new.

    Shared by `claimgraph users add` and scripts/add_user.py."""
    from claimgraph.web.auth import add_user, find_user

    store = store_for(db)
    try:
        with store.session() as s:
            existed = find_user(session=s, name=name) is not None
            if existed and not reset:
                raise FileExistsError(name)
            add_user(session=s, name=name, password=password, role=role)
    finally:
        store.close()
    return not existed


@group.command("add")
def add(
    name: Annotated[str, typer.Argument(help="The sign-in name.")],
    role: RoleOpt = "reader",
    password_stdin: Annotated[
        bool,
        typer.Option("--password-stdin", help="Read the password from the first line of stdin."),
    ] = False,
    reset: Annotated[
        bool, typer.Option("--reset", help="Replace the password and role of an existing user.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Create a user; the password comes from --password-stdin, $CLAIMGRAPH_PASSWORD or a prompt.

    Example: printf '%s\\n' "$PW" | claimgraph users add eddie --role editor --password-stdin
    """
    from claimgraph.web.auth import ROLES

    if role not in ROLES:
        fail(f"--role: must be one of {', '.join(ROLES)}, not {role!r}", code=2)
    password = read_password(password_stdin)
    try:
        new = save_user(db=db, name=name, role=role, password=password, reset=reset)
    except FileExistsError:
        fail(f"NAME: user {name!r} exists; add --reset to replace the password and role", code=2)
    except ValueError as exc:
        field = str(exc).split(" ", 1)[0]
        opt = {"name": "NAME", "role": "--role"}.get(field, field)
        fail(f"{opt}: {str(exc).split(' ', 1)[1]}", code=2)
    out.print(f"user {escape(name)} ({role}) {'added' if new else 'updated'}")


@group.command("list")
def list_(db: DbOption = None, json_out: JsonOption = False) -> None:
    """Every account with its role (never a password hash).

    Example: claimgraph users list --json
    """
    from claimgraph.web.auth import list_users

    store = store_for(db)
    with store.session() as s:
        rows = list_users(session=s)
    if json_out:
        print_json(rows)
        return
    for r in rows:
        out.print(f"{escape(r['name'])}  {r['role']}{'' if r['active'] else '  [inactive]'}")
    out.print(f"{len(rows)} user(s)")


@group.command("set-role")
def set_role(
    name: Annotated[str, typer.Argument(help="The sign-in name.")],
    role: Annotated[str, typer.Argument(help="reader, editor or admin.")],
    db: DbOption = None,
) -> None:
    """Change a user's role; it applies on their next request (roles are read per request).

    Example: claimgraph users set-role rita editor
    """
    from claimgraph.web.auth import ROLES
    from claimgraph.web.auth import set_role as do_set_role

    if role not in ROLES:
        fail(f"ROLE: must be one of {', '.join(ROLES)}, not {role!r}", code=2)
    store = store_for(db)
    with store.session() as s:
        row = do_set_role(session=s, name=name, role=role)
    if row is None:
        fail(f"NAME: no user {name!r} (see `claimgraph users list`)", code=2)
    out.print(f"user {escape(name)} is now {role}")


@group.command("remove")
def remove(
    name: Annotated[str, typer.Argument(help="The sign-in name.")],
    db: DbOption = None,
) -> None:
    """Delete a user; a signed-in session of theirs stops working at its next request.

    Example: claimgraph users remove rita
    """
    from claimgraph.web.auth import remove_user

    store = store_for(db)
    with store.session() as s:
        done = remove_user(session=s, name=name)
    if not done:
        fail(f"NAME: no user {name!r} (see `claimgraph users list`)", code=2)
    out.print(f"user {escape(name)} removed")
