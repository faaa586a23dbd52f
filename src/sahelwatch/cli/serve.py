"""`sahelwatch serve`: the REST API and the dashboard; `sahelwatch basemap build`: the
dashboard's offline basemap from Natural Earth files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sahelwatch.cli._console import console, settings

basemap_app = typer.Typer(help="The dashboard's offline basemap.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        host: Annotated[
            str | None,
            typer.Option(help="Address to listen on (default: setting api.host)."),
        ] = None,
        port: Annotated[
            int | None,
            typer.Option(min=1, max=65535, help="Port to listen on (default: setting api.port)."),
        ] = None,
        read_requires_key: Annotated[
            bool | None,
            typer.Option(help="Refuse reads to callers without a key (default: the setting)."),
        ] = None,
    ) -> None:
        """Serve the REST API (/api, described at /docs) and the dashboard (/)."""
        import uvicorn

        from sahelwatch.api import create_app

        current = settings()
        host = host or current.api_host
        port = port or current.api_port
        app = create_app(current, read_requires_key=read_requires_key)
        console.print(f"sahelwatch on http://{host}:{port}/ (database {current.db}); Ctrl+C stops")
        uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)

    app.add_typer(basemap_app, name="basemap")


@basemap_app.command("build")
def build(
    boundaries: Annotated[
        Path,
        typer.Option(
            exists=True,
            file_okay=False,
            help="Folder with ne_10m_admin_0_countries*.zip and sahel.shp/.dbf (Natural Earth).",
        ),
    ],
    out: Annotated[
        Path | None, typer.Option(help="Folder to write into (default: the package's web/static).")
    ] = None,
) -> None:
    """Simplify Natural Earth borders into the shipped basemap.geojson and country_names.json."""
    from sahelwatch.web._state import STATIC
    from sahelwatch.web.basemap import build_basemap

    result = build_basemap(boundaries, out or STATIC)
    console.print(
        f"{result.countries} countries and {result.regions} admin-1 regions written to "
        f"{result.path} ({result.size_bytes / 1_000_000:.2f} MB)"
    )
