#include "ui/palette.h"

#include <cmath>

#include <QCoreApplication>

namespace tokenroute::ui {

namespace {
QString trPalette(const char *text)
{
    return QCoreApplication::translate("tokenroute::ui::Palette", text);
}
} // namespace

QColor roleColour(PoolRole role)
{
    // Prefill is compute-bound ("hot"), decode bandwidth-bound ("cool"): warm vs cool hues make the
    // split readable before any legend is read.
    switch (role) {
    case PoolRole::Prefill:
        return QColor::fromRgb(okabeIto::Vermillion);
    case PoolRole::Decode:
        return QColor::fromRgb(okabeIto::Blue);
    case PoolRole::Combined:
        return QColor::fromRgb(okabeIto::ReddishPurple);
    case PoolRole::Edge:
        return QColor::fromRgb(okabeIto::BluishGreen);
    }
    return QColor(Qt::gray);
}

QString roleName(PoolRole role)
{
    switch (role) {
    case PoolRole::Prefill:
        return trPalette(QT_TRANSLATE_NOOP("tokenroute::ui::Palette", "Prefill"));
    case PoolRole::Decode:
        return trPalette(QT_TRANSLATE_NOOP("tokenroute::ui::Palette", "Decode"));
    case PoolRole::Combined:
        return trPalette(QT_TRANSLATE_NOOP("tokenroute::ui::Palette", "Combined"));
    case PoolRole::Edge:
        return trPalette(QT_TRANSLATE_NOOP("tokenroute::ui::Palette", "Edge"));
    }
    return {};
}

QColor tagColour(Tag tag)
{
    // Tags on the same axis get contrasting hues; the phase and placement axes reuse the role
    // colours so a prefill-heavy workload visibly belongs with a prefill pool.
    switch (tag) {
    case Tag::PrefillHeavy:
        return roleColour(PoolRole::Prefill);
    case Tag::DecodeHeavy:
        return roleColour(PoolRole::Decode);
    case Tag::LongContext:
        return QColor::fromRgb(okabeIto::Orange);
    case Tag::ShortContext:
        return QColor::fromRgb(okabeIto::SkyBlue);
    case Tag::Interactive:
        return QColor::fromRgb(okabeIto::Yellow);
    case Tag::Batch:
        return QColor(0x99, 0x99, 0x99);
    case Tag::SmallModel:
        return QColor::fromRgb(okabeIto::SkyBlue);
    case Tag::SramResident:
        return QColor::fromRgb(okabeIto::ReddishPurple);
    case Tag::LargeModel:
        return QColor::fromRgb(okabeIto::Orange);
    case Tag::Edge:
        return roleColour(PoolRole::Edge);
    case Tag::DataCentre:
        return QColor(0x99, 0x99, 0x99);
    }
    return QColor(Qt::gray);
}

QString tagName(Tag tag)
{
    switch (tag) {
    case Tag::PrefillHeavy:
        return trPalette(QT_TRANSLATE_NOOP("tokenroute::ui::Palette", "prefill-heavy"));
    case Tag::DecodeHeavy:
        return trPalette(QT_TRANSLATE_NOOP("tokenroute::ui::Palette", "decode-heavy"));
    case Tag::LongContext:
        return trPalette(QT_TRANSLATE_NOOP("tokenroute::ui::Palette", "long context"));
    case Tag::ShortContext:
        return trPalette(QT_TRANSLATE_NOOP("tokenroute::ui::Palette", "short context"));
    case Tag::Interactive:
        return trPalette(QT_TRANSLATE_NOOP("tokenroute::ui::Palette", "interactive"));
    case Tag::Batch:
        return trPalette(QT_TRANSLATE_NOOP("tokenroute::ui::Palette", "batch"));
    case Tag::SmallModel:
        return trPalette(QT_TRANSLATE_NOOP("tokenroute::ui::Palette", "small model"));
    case Tag::SramResident:
        return trPalette(QT_TRANSLATE_NOOP("tokenroute::ui::Palette", "SRAM-resident"));
    case Tag::LargeModel:
        return trPalette(QT_TRANSLATE_NOOP("tokenroute::ui::Palette", "large model"));
    case Tag::Edge:
        return trPalette(QT_TRANSLATE_NOOP("tokenroute::ui::Palette", "edge"));
    case Tag::DataCentre:
        return trPalette(QT_TRANSLATE_NOOP("tokenroute::ui::Palette", "data centre"));
    }
    return {};
}

QColor textColourOn(const QColor &background)
{
    auto linear = [](double c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    const double l = 0.2126 * linear(background.redF()) + 0.7152 * linear(background.greenF())
        + 0.0722 * linear(background.blueF());
    // 0.179 is where black and white text have equal contrast ratio against the background.
    return l > 0.179 ? QColor(Qt::black) : QColor(Qt::white);
}

} // namespace tokenroute::ui
