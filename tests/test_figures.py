"""Figures a journal accepts without redrawing, checked on the figure objects drawn from a real
run's tables: no titles inside, series told apart by marker and line style (so greyscale print
and colour-vision deficiencies lose nothing), every axis with ticks has its spine, counts get
whole-number ticks, nothing is clipped, and the paper's figures sit beside their data points."""
import json
import re

import numpy as np
import pandas as pd
import pytest
from matplotlib.container import BarContainer, ErrorbarContainer

from kalbar_border.border import timeseries
from kalbar_border.figures import plots, save
from kalbar_border.figures.labels import LANGS
from kalbar_border.finance import tables

#: The paper's figures drawn beside a series, as notebook 02 draws them: 1,428 "recorded by Malaysia"
#: is in no source but the abstract, so it goes into the figure's note (UNSOURCED), never beside a series.
CLAIMS = {("bp2mi_complaints_total", 2019): 5824}
UNSOURCED = {("bp2mi_complaints_malaysia", 2019): 1428}


def _drawings(results):
    """Every figure of the compendium, as its notebook draws it, from a run's result tables:
    name -> draw(lang)."""
    annual = pd.read_csv(results / "border_annual_series.csv", keep_default_na=True)
    border = timeseries.full_year_values(annual).query("series in @plots.BORDER_LINES")
    summary = pd.read_csv(results / "entikong_yearly_summary.csv")
    share = pd.read_csv(results / "remittances_share_of_gdp.csv")
    comparison = tables.whole_sample_rows(pd.read_csv(results / "financial_comparison.csv"))
    shown = comparison.query("population == 'persons15' and migrant_definition == 'recent_interprovincial'")
    models = pd.read_csv(results / "financial_models.csv").dropna(subset=["ame"])
    effects = models.query("population == 'persons15' and definition == 'recent_interprovincial'")
    return {
        "border_series": lambda lang: plots.border_series(border, lang, CLAIMS),
        "entikong_batches": lambda lang: plots.entikong_batches(summary, lang),
        "remittances": lambda lang: plots.remittances(share, lang),
        "finance_shares": lambda lang: plots.group_shares(shown, lang),
        "finance_adjusted_effects": lambda lang: plots.forest(effects, lang),
    }


@pytest.fixture(scope="module")
def saved(pipeline_run, tmp_path_factory):
    """Each figure in each language, drawn and saved as the notebooks do it (style, source
    line and layout included), into a folder of this module's own."""
    import os

    out = tmp_path_factory.mktemp("figures")
    before = os.environ.get("COMPENDIUM_OUTPUT_DIR")
    os.environ["COMPENDIUM_OUTPUT_DIR"] = str(out)
    try:
        figures = {}
        for name, draw in _drawings(pipeline_run[0] / "results").items():
            # what render_bilingual draws and saves for a notebook, every language at once
            every = save.render_every_language(draw, name, notebook="test", parameters={}, inputs=[],
                                               title="t", caption="c",
                                               source_line={"en": "BPS; transcribed in table border_series",
                                                            "id": "BPS; ditranskripsi dalam tabel border_series"})
            figures.update({(name, lang): every[lang].figure for lang in LANGS})
        yield figures
    finally:
        if before is None:
            os.environ.pop("COMPENDIUM_OUTPUT_DIR")
        else:
            os.environ["COMPENDIUM_OUTPUT_DIR"] = before


def _look(handle) -> tuple:
    """What tells a legend entry apart once colour is gone: kind, marker, line style, fill."""
    if isinstance(handle, ErrorbarContainer):
        handle = handle.lines[0]
    if isinstance(handle, BarContainer):
        return ("bar",)
    fill = str(handle.get_markerfacecolor()).lower()
    open_marker = fill in ("none", "white", "#ffffff") or (isinstance(handle.get_markerfacecolor(), tuple)
                                                          and handle.get_markerfacecolor()[3] == 0)
    return ("line", handle.get_marker(), handle.get_linestyle(), open_marker)


def test_no_figure_carries_a_title(saved):
    for (name, lang), fig in saved.items():
        assert not fig.get_suptitle(), name
        for ax in fig.axes:
            assert not any(ax.get_title(loc) for loc in ("left", "center", "right")), (name, lang)


def test_series_differ_by_marker_and_line_style_not_only_colour(saved):
    """Greyscale and deuteranopia keep the marker shapes, line styles and fills: if those
    differ for every pair of entries in a panel, no colour transform can merge two series."""
    for (name, lang), fig in saved.items():
        for ax in fig.axes:
            handles, labels = ax.get_legend_handles_labels()
            looks = [_look(h) for h in handles]
            assert len(set(looks)) == len(looks), (name, lang, list(zip(labels, looks)))


def test_every_axis_with_tick_labels_has_its_spine(saved):
    for (name, lang), fig in saved.items():
        for ax in fig.axes:
            for axis, sides in ((ax.xaxis, ("bottom", "top")), (ax.yaxis, ("left", "right"))):
                labelled = [t for t in axis.get_ticklabels() if t.get_visible() and t.get_text()]
                if labelled:
                    side = axis.get_label_position()
                    assert side in sides and ax.spines[side].get_visible(), (name, lang, side)


def test_count_axes_have_whole_number_ticks(saved):
    for name in ("border_series", "entikong_batches"):
        for ax in saved[name, "en"].axes:
            assert all(float(t).is_integer() for t in ax.get_yticks()), (name, ax.get_yticks())


def test_no_text_runs_past_the_figure_and_no_interval_is_cut_by_its_axes(saved):
    for (name, lang), fig in saved.items():
        page = fig.bbox
        # An axes' tight box holds what it draws: tick labels, axis labels, its legend.
        boxes = [(ax.get_tightbbox(), ax.get_ylabel()) for ax in fig.axes]
        boxes += [(text.get_window_extent(), text.get_text()) for text in fig.texts]  # the source line
        for box, what in boxes:
            assert box.x0 >= page.x0 - 0.5 and box.x1 <= page.x1 + 0.5 and box.y0 >= page.y0 - 0.5 \
                and box.y1 <= page.y1 + 0.5, (name, lang, what)
        for ax in fig.axes:  # and no axes' box overlaps another's (stacked panels' labels)
            for other in fig.axes:
                if other is not ax:
                    assert not ax.get_tightbbox().overlaps(other.get_window_extent()), (name, lang)
        for ax in fig.axes:
            (x0, x1), (y0, y1) = sorted(ax.get_xlim()), sorted(ax.get_ylim())
            for line in ax.get_lines():
                x, y = (np.asarray(v, dtype=float) for v in line.get_data())
                x, y = x[np.isfinite(x) & np.isfinite(y)], y[np.isfinite(x) & np.isfinite(y)]
                assert ((x >= x0) & (x <= x1) & (y >= y0) & (y <= y1)).all(), (name, lang, line.get_label())
            for segments in ax.collections:  # error bars
                for seg in getattr(segments, "get_segments", lambda: [])():
                    assert (seg[:, 0] >= x0).all() and (seg[:, 0] <= x1).all(), (name, lang)


def test_quantities_in_different_units_have_panels_of_their_own(saved):
    for name, panels in (("border_series", 2), ("entikong_batches", 2), ("remittances", 2)):
        fig = saved[name, "en"]
        assert len(fig.axes) == panels, name
        units = [ax.get_ylabel() for ax in fig.axes]
        assert len(set(units)) == panels, units


def test_paper_figures_sit_beside_their_data_points_with_their_own_legend_entries(saved):
    for lang in LANGS:
        fig = saved["border_series", lang]
        claims = [line for ax in fig.axes for line in ax.get_lines()
                  if line.get_markerfacecolor() == "none" and not line.get_label().startswith("_")]
        assert len(claims) == len(CLAIMS)
        assert len({line.get_marker() for line in claims}) == len(CLAIMS)
        for ((_, year), value), line in zip(CLAIMS.items(), claims):
            (x,), (y,) = line.get_data()
            assert y == value and abs(x - year) >= plots.CLAIM_OFFSET  # at the paper's value, beside the point
            shown = f"{value:,}" if lang == "en" else f"{value:,}".replace(",", ".")
            assert shown in line.get_label()
        complaints, persons = fig.axes
        assert claims[0] in complaints.get_lines()
        for ax in fig.axes:
            for line in ax.get_lines():
                if line in claims or line.get_label().startswith("_"):
                    continue
                points = np.count_nonzero(np.isfinite(np.asarray(line.get_ydata(), dtype=float)))
                assert (line.get_linestyle() == "None") == (points < 2), line.get_label()


def test_a_paper_figure_no_source_carries_is_in_the_note_not_beside_a_series(saved, pipeline_run):
    """A marker beside "BP2MI complaints, Malaysia" would endorse one guess at what 1,428 counts:
    the run's border figure states it in its note (printed under the plot, kept in the sidecar)."""
    (_, year), value = next(iter(UNSOURCED.items()))
    for lang in LANGS:
        drawn = [y for ax in saved["border_series", lang].axes for line in ax.get_lines()
                 for y in np.asarray(line.get_ydata(), dtype=float)]
        assert value not in drawn
        shown = f"{value:,}" if lang == "en" else f"{value:,}".replace(",", ".")
        side = json.loads(next((pipeline_run[0] / "figures").glob(f"border_series_*_{lang}.json")).read_text())
        assert shown in side["note"] and str(year) in side["note"], side.get("note")
        assert shown not in side["source_line"]


def test_shares_rows_name_their_survey_and_the_n_of_each_group(saved, pipeline_run):
    """Susenas and Sakernas count different people at different dates: each gets its own panel,
    labelled with the survey, and each row gives both groups' n from the comparison table."""
    comparison = tables.whole_sample_rows(pd.read_csv(pipeline_run[0] / "results" / "financial_comparison.csv"))
    shown = comparison.query("population == 'persons15' and migrant_definition == 'recent_interprovincial'")
    fig = saved["finance_shares", "en"]
    assert [ax.get_ylabel().replace("\n", " ") for ax in fig.axes] == \
        [{"susenas": "Susenas, March 2020", "sakernas": "Sakernas, August 2020"}[d] for d in shown["dataset"].unique()]
    ticks = [t.get_text() for ax in fig.axes for t in ax.get_yticklabels()]
    n = shown.pivot_table(index="indicator", columns="group", values="n_unweighted", sort=False)
    assert len(ticks) == len(n)
    for text, (_, row) in zip(ticks, n.iterrows()):
        assert text.endswith(f"n: migrant {int(row['migrant']):,}, non-migrant {int(row['non_migrant']):,}"), text


def test_source_lines_are_brief_and_row_ids_live_in_the_sidecar(pipeline_run):
    row_id = re.compile(r"\b(BS|MR|FC|E)\d{3}\b")
    for sidecar in sorted((pipeline_run[0] / "figures").glob("*.json")):
        side = json.loads(sidecar.read_text())
        assert side["title"] and side["caption"] and side["source_line"], sidecar.name
        assert not row_id.search(side["source_line"]) and "data/raw" not in side["source_line"], side["source_line"]
        assert len(side["source_line"]) <= 160, side["source_line"]
        if not sidecar.name.startswith("finance_"):
            assert side["source_rows"] and all(row_id.fullmatch(r) for r in side["source_rows"]), sidecar.name


def test_every_figure_is_also_a_vector_pdf_with_embedded_truetype_fonts(pipeline_run):
    folder = pipeline_run[0] / "figures"
    for png in sorted(folder.glob("*.png")):
        pdf = png.with_suffix(".pdf").read_bytes()
        assert pdf.startswith(b"%PDF") and b"/FontFile2" in pdf and b"/CreationDate" not in pdf, png.name
        side = json.loads(png.with_suffix(".json").read_text())
        assert set(side["files"]) == {"png", "svg", "pdf"}


#: English words a student would have to read; none may appear in an Indonesian figure.
ENGLISH = re.compile(r"\b(the|of|and|in|with|to|by|for|from|year|persons|share|source|complaints|deportations|"
                     r"placements|paper|figure|estimate|fewer|events|migrant|batches|remittances|billion|difference|"
                     r"transcribed|other|publishers|health|savings|account)\b", re.IGNORECASE)


def test_indonesian_figures_hold_no_english_words(saved, pipeline_run):
    from matplotlib.text import Text

    for (name, lang), fig in saved.items():
        if lang != "id":
            continue
        texts = [t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
        english = [t for t in texts if ENGLISH.search(t)]
        assert not english, (name, english)
    for sidecar in sorted((pipeline_run[0] / "figures").glob("*_id.json")):
        side = json.loads(sidecar.read_text())
        for field in ("title", "caption", "source_line"):
            # proper names stay (World Bank WDI, KJRI Kuching, SUSENAS): checked words are common English ones
            assert not ENGLISH.search(side[field]), (sidecar.name, field, ENGLISH.search(side[field]).group())


#: Deuteranopia (severity 1) on linear RGB, from Machado, Oliveira & Fernandes (2009), IEEE TVCG 15(6).
DEUTERANOPIA = np.array([[0.367322, 0.860646, -0.227968],
                         [0.280085, 0.672501, 0.047413],
                         [-0.011820, 0.042940, 0.968881]])


def _linear(rgb):
    rgb = np.asarray(rgb, dtype=float)
    return np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)


def _seen(colour, vision: str) -> np.ndarray:
    """A colour as a reader sees it, in CIELAB (D65): in greyscale print (its relative
    luminance) or with deuteranopia."""
    from matplotlib.colors import to_rgb

    linear = _linear(to_rgb(colour))
    if vision == "greyscale":
        linear = np.repeat(linear @ np.array([0.2126, 0.7152, 0.0722]), 3)
    else:
        linear = np.clip(DEUTERANOPIA @ linear, 0, 1)
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]) @ linear
    f = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(f > 0.008856, np.cbrt(f), 7.787 * f + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


#: Colours closer than this (CIE76 colour difference) are taken as alike for small marks and thin lines.
ALIKE = 20


def _colour(handle):
    if isinstance(handle, ErrorbarContainer):
        handle = handle.lines[0]
    if isinstance(handle, BarContainer):
        return handle.patches[0].get_facecolor()
    if str(handle.get_markerfacecolor()) == "none" and handle.get_linestyle() == "None":
        return handle.get_markeredgecolor()  # an open marker alone: its edge is what is seen
    return handle.get_color()


def test_series_that_look_alike_in_greyscale_or_deuteranopia_differ_in_marker_or_line(saved):
    """Simulate both: every pair of a figure's series whose colours come closer than
    :data:`ALIKE` must differ in marker, line style or fill. The border figure's orange and
    vermillion, which deuteranopia turns into two olives, are among the pairs checked."""
    confusable = []
    for (name, lang), fig in saved.items():
        if lang != "en":
            continue
        entries = [(label, h) for ax in fig.axes for h, label in zip(*ax.get_legend_handles_labels())]
        for i, (label_a, a) in enumerate(entries):
            for label_b, b in entries[i + 1:]:
                for vision in ("greyscale", "deuteranopia"):
                    if np.linalg.norm(_seen(_colour(a), vision) - _seen(_colour(b), vision)) < ALIKE:
                        confusable.append((name, vision, label_a, label_b))
                        assert _look(a) != _look(b), (name, vision, label_a, label_b)
    assert ("border_series", "deuteranopia", "BP2MI complaints, Malaysia",
            "West Kalimantan registered placements") in confusable
    assert any(v == "greyscale" for _, v, _, _ in confusable)
