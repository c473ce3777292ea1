#include "ui/icons.h"

#include <QApplication>
#include <QFile>
#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPixmapCache>
#include <QSvgRenderer>

namespace tokenroute::ui {

namespace {

QByteArray svgSource(const QString &name)
{
    static QHash<QString, QByteArray> cache;
    auto it = cache.find(name);
    if (it != cache.end())
        return *it;
    QFile file(QStringLiteral(":/icons/%1.svg").arg(name));
    QByteArray data;
    if (file.open(QIODevice::ReadOnly))
        data = file.readAll();
    else
        qWarning("icon %s not found in resources", qPrintable(name));
    cache.insert(name, data);
    return data;
}

class ThemedIconEngine final : public QIconEngine {
public:
    ThemedIconEngine(QString name, QColor fixedColour)
        : m_name(std::move(name))
        , m_fixedColour(fixedColour)
    {
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        QSvgRenderer renderer(coloured(mode));
        renderer.render(painter, rect);
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        const QColor colour = colourFor(mode);
        const QString key = QStringLiteral("tr-icon:%1:%2x%3:%4").arg(m_name).arg(size.width()).arg(size.height()).arg(colour.rgba());
        QPixmap pixmap;
        if (QPixmapCache::find(key, &pixmap))
            return pixmap;
        pixmap = QPixmap(size);
        pixmap.fill(Qt::transparent);
        {
            QPainter painter(&pixmap);
            paint(&painter, QRect(QPoint(), size), mode, state);
        }
        QPixmapCache::insert(key, pixmap);
        return pixmap;
    }

    QIconEngine *clone() const override { return new ThemedIconEngine(m_name, m_fixedColour); }
    QString key() const override { return QStringLiteral("tokenroute-themed"); }
    bool isNull() override { return svgSource(m_name).isEmpty(); }

private:
    QColor colourFor(QIcon::Mode mode) const
    {
        const QPalette palette = QApplication::palette();
        if (mode == QIcon::Disabled)
            return palette.color(QPalette::Disabled, QPalette::WindowText);
        if (m_fixedColour.isValid())
            return m_fixedColour;
        if (mode == QIcon::Selected)
            return palette.color(QPalette::HighlightedText);
        return palette.color(QPalette::WindowText);
    }

    QByteArray coloured(QIcon::Mode mode) const
    {
        QByteArray svg = svgSource(m_name);
        svg.replace("currentColor", colourFor(mode).name().toLatin1());
        return svg;
    }

    QString m_name;
    QColor m_fixedColour;
};

} // namespace

QIcon themedIcon(const QString &name)
{
    if (svgSource(name).isEmpty())
        return {};
    return QIcon(new ThemedIconEngine(name, QColor()));
}

QIcon colouredIcon(const QString &name, const QColor &colour)
{
    if (svgSource(name).isEmpty())
        return {};
    return QIcon(new ThemedIconEngine(name, colour));
}

} // namespace tokenroute::ui
