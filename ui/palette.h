#pragma once
// One palette for the whole front end: the colour of each pool role and each workload tag. Every
// view (structure tree, rack elevations, routing flow, charts) asks here, so a prefill pool is the
// same colour everywhere and a change is made once. The hues are the Okabe-Ito set, chosen because
// they stay distinguishable under the common forms of colour-blindness and on a washed-out
// projector; they are mid-tones, so they read on both the light and the dark system palette.

#include <QColor>
#include <QString>

#include "core/plan/plan.h"

namespace tokenroute::ui {

// The eight Okabe-Ito colours (Okabe & Ito, "Color Universal Design", 2008).
namespace okabeIto {
inline constexpr QRgb Black = 0xff000000;
inline constexpr QRgb Orange = 0xffe69f00;
inline constexpr QRgb SkyBlue = 0xff56b4e9;
inline constexpr QRgb BluishGreen = 0xff009e73;
inline constexpr QRgb Yellow = 0xfff0e442;
inline constexpr QRgb Blue = 0xff0072b2;
inline constexpr QRgb Vermillion = 0xffd55e00;
inline constexpr QRgb ReddishPurple = 0xffcc79a7;
} // namespace okabeIto

QColor roleColour(PoolRole role);
QString roleName(PoolRole role);      // translated: "Prefill", "Decode", ...

QColor tagColour(Tag tag);
QString tagName(Tag tag);             // translated: "prefill-heavy", ...

// Black or white, whichever reads better on `background` (WCAG relative luminance).
QColor textColourOn(const QColor &background);

} // namespace tokenroute::ui
