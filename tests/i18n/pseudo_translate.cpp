// Fills every message of a Qt .ts file with a pseudo-translation: the source text with its letters
// accented and wrapped in ⟦ ⟧, placeholders (%1, %n, %L2) and HTML-like tags left intact. A visible
// text without the brackets was never translated: it is hard-wired.
// usage: pseudo_translate IN.ts OUT.ts
#include <QCoreApplication>
#include <QDomDocument>
#include <QFile>
#include <QHash>
#include <QTextStream>
#include <cstdio>

namespace {

QString pseudo(const QString& source)
{
    static const QHash<QChar, QChar> accented = {{u'a', u'á'}, {u'e', u'é'}, {u'i', u'í'}, {u'o', u'ö'},
                                                 {u'u', u'ü'}, {u'c', u'ç'}, {u'n', u'ñ'}, {u'y', u'ý'},
                                                 {u'A', u'Á'}, {u'E', u'É'}, {u'I', u'Í'}, {u'O', u'Ö'},
                                                 {u'U', u'Ü'}, {u'C', u'Ç'}, {u'N', u'Ñ'}};
    QString out = QStringLiteral("⟦");
    for (qsizetype i = 0; i < source.size(); ++i) {
        const QChar c = source.at(i);
        if (c == u'%') { // %1, %n, %L1: copied as they are
            out += c;
            if (i + 1 < source.size() && source.at(i + 1) == u'L')
                out += source.at(++i);
            while (i + 1 < source.size() && (source.at(i + 1).isDigit() || source.at(i + 1) == u'n'))
                out += source.at(++i);
        } else if (c == u'<') { // a tag, copied to its end
            while (i < source.size() && source.at(i) != u'>')
                out += source.at(i++);
            if (i < source.size())
                out += source.at(i);
        } else {
            out += accented.value(c, c);
        }
    }
    return out + QStringLiteral("⟧");
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: pseudo_translate IN.ts OUT.ts\n");
        return 2;
    }
    QFile in(QString::fromLocal8Bit(argv[1]));
    QDomDocument document;
    if (!in.open(QIODevice::ReadOnly) || !document.setContent(&in)) {
        std::fprintf(stderr, "pseudo_translate: cannot read %s as a .ts file\n", argv[1]);
        return 1;
    }
    int messages = 0;
    const QDomNodeList list = document.elementsByTagName(QStringLiteral("message"));
    for (int i = 0; i < list.size(); ++i) {
        QDomElement message = list.at(i).toElement();
        const QString source = message.firstChildElement(QStringLiteral("source")).text();
        QDomElement old = message.firstChildElement(QStringLiteral("translation"));
        QDomElement translation = document.createElement(QStringLiteral("translation"));
        if (message.attribute(QStringLiteral("numerus")) == QLatin1String("yes")) {
            for (int form = 0; form < 2; ++form) { // English: one, other
                QDomElement numerus = document.createElement(QStringLiteral("numerusform"));
                numerus.appendChild(document.createTextNode(pseudo(source)));
                translation.appendChild(numerus);
            }
        } else {
            translation.appendChild(document.createTextNode(pseudo(source)));
        }
        if (old.isNull())
            message.appendChild(translation);
        else
            message.replaceChild(translation, old);
        ++messages;
    }
    QFile out(QString::fromLocal8Bit(argv[2]));
    if (messages == 0 || !out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        std::fprintf(stderr, "pseudo_translate: %s\n",
                     messages == 0 ? "no message to translate" : "cannot write the output");
        return 1;
    }
    QTextStream(&out) << document.toString(1);
    std::printf("pseudo_translate: %d messages\n", messages);
    return 0;
}
