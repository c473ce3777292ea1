#include "ui/charts/chartexport.h"

#include <QAction>
#include <QChartView>
#include <QFileDialog>
#include <QImage>
#include <QMessageBox>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QTextDocumentFragment>
#include <QToolButton>
#include <QVBoxLayout>

namespace tokenroute::ui {

namespace {

// Renders the chart at `size` without touching the on-screen view: the chart is resized for the
// paint and given back its geometry afterwards.
void renderChart(QChartView *view, QPainter &painter, QSize size)
{
    QChart *chart = view->chart();
    const QRectF before = chart->geometry();
    chart->resize(size);
    QGraphicsScene *scene = chart->scene();
    scene->render(&painter, QRectF(QPointF(0, 0), size), chart->geometry());
    chart->setGeometry(before);
}

} // namespace

bool exportChartPng(QChartView *view, const QString &path, QSize size)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    // The chart themes paint their background with a gradient, whose brush colour is black: fill
    // with the brush's colour only when it is a plain colour.
    const QBrush background = view->chart()->backgroundBrush();
    image.fill(background.style() == Qt::SolidPattern ? background.color() : QColor(Qt::white));
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        renderChart(view, painter, size);
    }
    // Written beside the target and renamed over it on success: never a half-written picture.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    if (!image.save(&file, "PNG")) {
        file.cancelWriting();
        return false;
    }
    return file.commit();
}

bool exportChartSvg(QChartView *view, const QString &path, QSize size)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QSvgGenerator generator;
    generator.setOutputDevice(&file);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    // The title is rich text (a subtitle line); the SVG <title> takes plain text.
    generator.setTitle(QTextDocumentFragment::fromHtml(view->chart()->title()).toPlainText());
    {
        QPainter painter;
        if (!painter.begin(&generator)) {
            file.cancelWriting();
            return false;
        }
        painter.setRenderHint(QPainter::Antialiasing);
        renderChart(view, painter, size);
        painter.end();
    }
    return file.size() > 0 && file.commit();
}

void exportChartInteractively(QChartView *view, const QString &baseName, QWidget *parent)
{
    const QString path = QFileDialog::getSaveFileName(
        parent, QObject::tr("Export Chart"), baseName + QStringLiteral(".png"),
        QObject::tr("PNG image (*.png);;SVG drawing (*.svg)"));
    if (path.isEmpty())
        return;
    const bool svg = path.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive);
    const bool ok = svg ? exportChartSvg(view, path) : exportChartPng(view, path);
    if (!ok)
        QMessageBox::warning(parent, QObject::tr("Export Chart"), QObject::tr("Could not write %1.").arg(path));
}

void addChartExportMenu(QChartView *view, const QString &baseName)
{
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *png = new QAction(QObject::tr("Export as PNG…"), view);
    auto *svg = new QAction(QObject::tr("Export as SVG…"), view);
    QObject::connect(png, &QAction::triggered, view, [view, baseName] {
        const QString path = QFileDialog::getSaveFileName(view, QObject::tr("Export Chart"), baseName + QStringLiteral(".png"),
                                                          QObject::tr("PNG image (*.png)"));
        if (!path.isEmpty() && !exportChartPng(view, path))
            QMessageBox::warning(view, QObject::tr("Export Chart"), QObject::tr("Could not write %1.").arg(path));
    });
    QObject::connect(svg, &QAction::triggered, view, [view, baseName] {
        const QString path = QFileDialog::getSaveFileName(view, QObject::tr("Export Chart"), baseName + QStringLiteral(".svg"),
                                                          QObject::tr("SVG drawing (*.svg)"));
        if (!path.isEmpty() && !exportChartSvg(view, path))
            QMessageBox::warning(view, QObject::tr("Export Chart"), QObject::tr("Could not write %1.").arg(path));
    });
    view->addAction(png);
    view->addAction(svg);
}

QWidget *chartWithExportButton(QChartView *view, const std::function<QString()> &baseName, const QString &buttonName,
                               QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *button = new QToolButton(box);
    button->setText(QObject::tr("Export…"));
    button->setToolTip(QObject::tr("Save this chart as a PNG image or an SVG drawing"));
    if (!buttonName.isEmpty())
        button->setObjectName(buttonName);
    QObject::connect(button, &QToolButton::clicked, box, [view, baseName, parent] { exportChartInteractively(view, baseName(), parent); });
    layout->addWidget(view, 1);
    layout->addWidget(button, 0, Qt::AlignRight);
    return box;
}

} // namespace tokenroute::ui
