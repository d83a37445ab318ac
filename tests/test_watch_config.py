"""The watch configuration: the README's sample, bad files, `watch add`, `watch topic`."""

from __future__ import annotations

import ipaddress
from pathlib import Path

import pytest
from click.testing import CliRunner

from attache.cli import cli
from attache.errors import AttacheError, ConfigError
from attache.watch import add_source, default_path, load_config, parse_config
from attache.watch.alerts import Alert, FakePoster, send_webhook
from attache.watch.config import outlet_feeds, parse_interval

SAMPLE = """\
# attache.toml — beside attache.db, or pass --config
[watch]
timeout = 20            # seconds per request
retries = 2             # on 5xx, 429 and network errors, with doubling backoff
min_interval = 2        # seconds between two requests to one host
per_host = 1            # requests in flight to one host
max_mb = 10             # size cap per response
alerts = "alerts"       # one JSON file per alert
webhook = "https://hooks.example.org/attache"   # optional: alerts POSTed as JSON

[[sources]]
name = "Kazinform (ru)"
kind = "feed"
url = "https://www.inform.kz/rss/rus.xml"
interval = "30m"
language = "ru"
outlet = "kazinform"

[[sources]]
name = "A news sitemap"
kind = "sitemap"
url = "https://news.example.org/sitemap-news.xml"
interval = "2h"
language = "en"

[[sources]]
name = "A ministry page that is updated in place"
kind = "page"
url = "https://www.example.org/central-asia/"
interval = "1d"
language = "ja"
outlet = "mofa-japan"

[[sources]]
name = "Reports I save"
kind = "folder"
path = "~/attache-inbox"
interval = 600

[[topics]]
name = "Japan Kazakhstan"
query = "Japan Kazakhstan"
languages = ["en", "zh"]
formats = ["md", "html"]
output = "briefs/japan-kazakhstan"
"""


def test_the_readme_sample_parses(tmp_path: Path) -> None:
    path = tmp_path / "attache.toml"
    path.write_text(SAMPLE, "utf-8")
    cfg = load_config(path)
    assert [s.kind for s in cfg.sources] == ["feed", "sitemap", "page", "folder"]
    assert [s.interval for s in cfg.sources] == [1800, 7200, 86400, 600]
    assert cfg.sources[0].language == "ru" and cfg.sources[0].outlet == "kazinform"
    assert cfg.sources[3].address == str(Path("~/attache-inbox").expanduser().resolve())
    [t] = cfg.topics
    assert t.languages == ("en", "zh") and t.formats == ("md", "html")
    assert t.output == tmp_path / "briefs" / "japan-kazakhstan"
    assert cfg.alerts == tmp_path / "alerts"
    assert cfg.politeness.min_interval == 2 and cfg.politeness.max_bytes == 10 * 1024 * 1024
    assert not cfg.politeness.allow_private and cfg.webhook
    assert len({s.id for s in cfg.sources}) == 4


@pytest.mark.parametrize(("text", "message"), [
    ("[[sources]\nurl = 1", "not valid TOML"),
    ('[[sources]]\nkind = "ftp"\nurl = "https://x.org"', "kind 'ftp' is not one of"),
    ('[[sources]]\nurl = "file:///etc/passwd"', r"url must be an http\(s\) URL"),
    ('[[sources]]\nurl = "https://x.org"\nintervall = 5', "unknown key 'intervall'"),
    ('[[sources]]\nurl = "https://x.org"\ninterval = "soon"', "interval 'soon' is not"),
    ('[[sources]]\nurl = "https://x.org"\n[[sources]]\nurl = "https://x.org"', "listed twice"),
    ('[watch]\nallow_private = "yes"', "allow_private must be"),
    ('[watch]\nallow_private = ["10.0.0.0/33"]', "allow_private"),
    ('[watch]\ntimeout = -1', "timeout must be a number"),
    ('[[topics]]\nname = "X"\nlanguages = ["fr"]', "languages 'fr' is not one of"),
    ('[[topics]]\nname = ""', "a topic needs a name or a query"),
    ('sources = 3', "arrays of tables"),
])
def test_bad_configurations_name_the_problem(text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_config(text, Path("/tmp/x/attache.toml"))


def test_intervals_and_networks() -> None:
    assert parse_interval("15m", "x") == 900 and parse_interval(30, "x") == 30
    assert parse_interval("1.5h", "x") == 5400
    cfg = parse_config('[watch]\nallow_private = ["127.0.0.1/32", "::1"]')
    assert cfg.politeness.private_networks[1] == ipaddress.ip_network("::1/128")
    assert default_path("/data/x/attache.db") == Path("/data/x/attache.toml")


def test_missing_configuration_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="watch add"):
        load_config(tmp_path / "attache.toml")


def test_watch_add_an_outlet_from_the_registry(tmp_path: Path) -> None:
    name, feeds = outlet_feeds("Казинформ")  # any variant finds the outlet
    assert name == "Kazinform" and len(feeds) >= 1
    path = tmp_path / "attache.toml"
    path.write_text("# my sources\n", "utf-8")
    added = add_source(path, "kazinform", interval=900)
    assert [s.address for s in added] == [f.url for f in feeds]
    assert all(s.outlet == "kazinform" and s.interval == 900 for s in added)
    text = path.read_text("utf-8")
    assert text.startswith("# my sources\n")  # the user's file is only appended to
    assert add_source(path, "kazinform") == []  # already followed
    cfg = load_config(path)
    assert [s.address for s in cfg.sources] == [f.url for f in feeds]
    assert {s.language for s in cfg.sources} >= {"ru"}


def test_watch_add_refuses_what_it_cannot_follow(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no outlet called 'Daily Planet'"):
        add_source(tmp_path / "attache.toml", "Daily Planet")
    with pytest.raises(ConfigError, match="no feed of it"):
        add_source(tmp_path / "attache.toml", "Wikipedia")
    assert not (tmp_path / "attache.toml").exists()
    added = add_source(tmp_path / "attache.toml", str(tmp_path))
    assert added[0].kind == "folder"


def test_cli_watch_add_topic_and_update(tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    runner = CliRunner()
    res = runner.invoke(cli, ["watch", "--db", db, "add", "kazinform", "--interval", "30m"])
    assert res.exit_code == 0, res.output
    assert "added feed https://www.inform.kz/rss/rus.xml" in res.output
    res = runner.invoke(cli, ["watch", "topic", "Japan", "Kazakhstan", "--db", db, "--lang",
                              "en", "--format", "md", "--format", "html"])
    assert res.exit_code == 0, res.output
    cfg = load_config(tmp_path / "attache.toml")
    assert cfg.topics[0].name == "Japan Kazakhstan" and cfg.topics[0].formats == ("md", "html")
    assert all(s.interval == 1800 for s in cfg.sources)
    res = runner.invoke(cli, ["update", "--db", str(tmp_path / "elsewhere" / "b.db")])
    assert isinstance(res.exception, ConfigError)  # main() prints it and exits with 2
    assert "no watch configuration at" in str(res.exception)


def test_webhook_keeps_the_private_address_rules() -> None:
    alert = Alert(id="ale_1", topic="t", created_at="2025-12-20T00:00:00+00:00",
                  editions=(("en", 2),), new_events=("meeting",))
    poster = FakePoster()
    with pytest.raises(AttacheError, match="private or loopback"):
        send_webhook(alert, "http://127.0.0.1:9/hook", poster, allow_private=False, timeout=1)
    with pytest.raises(AttacheError, match="only http and https"):
        send_webhook(alert, "file:///tmp/hook", poster, allow_private=True, timeout=1)
    assert poster.sent == []
    send_webhook(alert, "http://127.0.0.1:9/hook", poster, allow_private=True, timeout=1)
    assert poster.sent == [("http://127.0.0.1:9/hook", alert.to_dict())]
