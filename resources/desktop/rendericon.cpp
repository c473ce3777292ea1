// rendericon: renders the application's SVG icon to a square PNG of a given size, for the hicolor
// icon theme sizes that menus and launchers ask for (16 to 256). Used at build time only, so the
// PNGs always match the SVG and none are kept in the repository.
// Usage: rendericon INPUT.svg OUTPUT.png SIZE

#include <cstdio>
#include <cstdlib>

#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QString>
#include <QSvgRenderer>

int main(int argc, char **argv)
{
    // Runs inside the build, where there may be no display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    if (argc != 4) {
        fprintf(stderr, "usage: rendericon INPUT.svg OUTPUT.png SIZE\n");
        return 2;
    }
    const int size = atoi(argv[3]);
    if (size < 1 || size > 4096) {
        fprintf(stderr, "rendericon: SIZE must be 1..4096, got '%s'\n", argv[3]);
        return 2;
    }
    QSvgRenderer renderer(QString::fromLocal8Bit(argv[1]));
    if (!renderer.isValid()) {
        fprintf(stderr, "rendericon: cannot read SVG '%s'\n", argv[1]);
        return 1;
    }
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter);
    painter.end();
    if (!image.save(QString::fromLocal8Bit(argv[2]), "PNG")) {
        fprintf(stderr, "rendericon: cannot write '%s'\n", argv[2]);
        return 1;
    }
    return 0;
}
