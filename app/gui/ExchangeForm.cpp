#include "ExchangeForm.hpp"

#include "Backend.hpp"
#include "Labels.hpp"
#include "QtConvert.hpp"
#include "exchange/Backup.hpp"
#include "exchange/Export.hpp"
#include "exchange/Import.hpp"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMetaObject>
#include <QPointer>
#include <QRegularExpression>
#include <QUrl>

#include <fstream>

namespace alliance::gui {

namespace {

QString localPath(const QString& text)
{
    const QString trimmedText = text.trimmed();
    return trimmedText.startsWith(QLatin1String("file:")) ? QUrl(trimmedText).toLocalFile() : trimmedText;
}

class Cancelled : public std::runtime_error {
public:
    Cancelled() : std::runtime_error("cancelled") {}
};

struct Outcome {
    exchange::ImportReport report;
    QString error;
    bool cancelled = false;
};

// Runs the import of `files` on `work` (the caller's thread), reporting progress to `progress`
// and stopping (nothing written) once `cancelled` is set.
Outcome importFiles(security::Workspace& work, const QStringList& files, bool dryRun,
                    const std::shared_ptr<std::atomic<bool>>& cancelled,
                    const std::function<void(double)>& progress)
{
    Outcome outcome;
    std::vector<std::unique_ptr<std::ifstream>> streams;
    std::vector<exchange::ImportSource> sources;
    for (const QString& file : files) {
        const QFileInfo info(file);
        if (!info.isFile()) {
            outcome.error = ExchangeForm::tr("%1 is not a file that can be read.").arg(file);
            return outcome;
        }
        streams.push_back(std::make_unique<std::ifstream>(toStd(file), std::ios::binary));
        sources.push_back(
            {toStd(info.fileName()), streams.back().get(), static_cast<std::uint64_t>(info.size())});
    }
    exchange::ImportOptions options;
    options.dryRun = dryRun;
    options.progress = [&](std::uint64_t done, std::uint64_t total) {
        if (*cancelled)
            throw Cancelled();
        if (total > 0)
            progress(static_cast<double>(done) / static_cast<double>(total));
    };
    try {
        outcome.report = work.importCsv(sources, options);
    } catch (const Cancelled&) {
        outcome.cancelled = true;
    } catch (const std::exception& e) {
        outcome.error = Labels::failure(e);
    }
    return outcome;
}

} // namespace

ExchangeForm::ExchangeForm(QObject* parent) : QObject(parent) {}

ExchangeForm::~ExchangeForm()
{
    *cancelled_ = true;
    join();
}

void ExchangeForm::join()
{
    if (worker_.joinable())
        worker_.join();
}

void ExchangeForm::check(const QStringList& files)
{
    files_.clear();
    for (const QString& entry : files)
        for (const QString& line :
             entry.split(QRegularExpression(QStringLiteral("[\n;]")), Qt::SkipEmptyParts))
            if (!localPath(line).isEmpty())
                files_ << localPath(line);
    run(true);
}

void ExchangeForm::importChecked()
{
    if (canImport_)
        run(false);
}

void ExchangeForm::cancel()
{
    *cancelled_ = true;
}

void ExchangeForm::run(bool dryRun)
{
    Backend* backend = Backend::instance();
    security::Workspace* work = backend ? backend->work() : nullptr;
    if (busy_)
        return;
    join();
    canImport_ = false;
    problems_.clear();
    summary_.clear();
    message_.clear();
    if (!work) {
        message_ = tr("Sign in first.");
        emit changed();
        return;
    }
    if (files_.isEmpty()) {
        message_ = tr("Choose one or more CSV files.");
        emit changed();
        return;
    }
    busy_ = true;
    progress_ = 0;
    *cancelled_ = false;
    emit changed();
    emit progressChanged();

    QPointer<ExchangeForm> self(this);
    const auto show = [self, dryRun](const Outcome& outcome) {
        if (!self)
            return;
        ExchangeForm& form = *self;
        form.busy_ = false;
        form.progress_ = 1;
        if (outcome.cancelled) {
            form.summary_ = tr("Cancelled: nothing was imported.");
        } else if (!outcome.error.isEmpty()) {
            form.summary_ = outcome.error;
        } else {
            const auto& report = outcome.report;
            QStringList lines;
            for (const auto& file : report.files) {
                if (!file.kind) {
                    lines << tr("%1: not read (see the problems)").arg(toQt(file.name));
                    continue;
                }
                lines << tr("%1: %2 records of %3: %4 new, %5 already recorded")
                             .arg(toQt(file.name))
                             .arg(file.records)
                             .arg(toQt(exchange::columnsOf(*file.kind).name))
                             .arg(file.added)
                             .arg(file.alreadyRecorded);
            }
            for (const auto& p : report.problems)
                form.problems_ << tr("%1, line %2%3: %4")
                                      .arg(toQt(p.file))
                                      .arg(p.line)
                                      .arg(p.column.empty() ? QString()
                                                            : tr(", column %1").arg(toQt(p.column)))
                                      .arg(toQt(p.problem));
            if (report.problemCount > report.problems.size())
                form.problems_
                    << tr("... and %1 more problems").arg(report.problemCount - report.problems.size());
            if (report.problemCount > 0)
                lines << tr("%n problems: nothing can be imported until they are corrected.", "",
                            static_cast<int>(report.problemCount));
            else if (report.written)
                lines << tr("Imported.");
            else
                lines << tr("No problems found: ready to import.");
            form.summary_ = lines.join(QLatin1Char('\n'));
            form.canImport_ = dryRun && report.problemCount == 0;
            if (report.written && Backend::instance())
                Backend::instance()->notifyChanged();
        }
        emit form.progressChanged();
        emit form.changed();
        emit form.finished(!dryRun && outcome.report.written);
    };
    const auto progress = [self](double fraction) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, fraction] {
                if (self && self->busy_ && fraction - self->progress_ >= 0.01) {
                    self->progress_ = fraction;
                    emit self->progressChanged();
                }
            },
            Qt::QueuedConnection);
    };
    const std::string path = work->databasePath(); // "" for an in-memory database
    if (path.empty() || path == ":memory:") {
        // An in-memory database (the demo) has no second connection: read here; it is small.
        show(importFiles(*work, files_, dryRun, cancelled_, [](double) {}));
        return;
    }
    auto key = std::make_shared<security::SecretKey>(work->keyCopy());
    worker_ = std::thread([self, show, progress, files = files_, dryRun, cancelled = cancelled_,
                           path = work->databasePath(), account = work->account(), key] {
        Outcome outcome;
        try {
            Store store(path, OpenMode::MustExist);
            store.sealing().unlock(std::move(*key));
            security::Workspace worker(store, account);
            outcome = importFiles(worker, files, dryRun, cancelled, progress);
        } catch (const std::exception& e) {
            outcome.error = Labels::failure(e);
        }
        QMetaObject::invokeMethod(
            self.data(), [show, outcome] { show(outcome); }, Qt::QueuedConnection);
    });
}

QString ExchangeForm::withWork(const QString& target, const QString& missing,
                               const std::function<QString(security::Workspace&, const QString&)>& act)
{
    Backend* backend = Backend::instance();
    security::Workspace* work = backend ? backend->work() : nullptr;
    if (!work)
        return tr("Sign in first.");
    const QString path = localPath(target);
    if (path.isEmpty())
        return missing;
    try {
        message_ = act(*work, path);
    } catch (const std::exception& e) {
        return Labels::failure(e);
    }
    emit changed();
    return {};
}

QString ExchangeForm::exportCsv(const QString& folder)
{
    return withWork(folder, tr("Choose a folder that can be written."),
                    [](security::Workspace& work, const QString& dir) {
                        if (!QDir().mkpath(dir))
                            throw std::runtime_error(tr("Cannot make the folder %1").arg(dir).toStdString());
                        QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                       QFileDevice::ExeOwner);
                        QStringList written;
                        for (const auto& kind : exchange::recordKinds()) {
                            std::uint64_t rows = 0;
                            exchange::writePrivateFile(
                                toStd(QDir(dir).filePath(toQt(kind.name) + QStringLiteral(".csv"))),
                                [&](std::ostream& out) { rows = work.exportCsv(kind.kind, out); });
                            written << tr("%1 (%n rows)", "", static_cast<int>(rows)).arg(toQt(kind.name));
                        }
                        return tr("Exported to %1: %2").arg(dir, written.join(QStringLiteral(", ")));
                    });
}

QString ExchangeForm::exportFhir(const QString& fileName, bool withNames)
{
    return withWork(
        fileName, tr("Choose a file for the bundle."),
        [withNames](security::Workspace& work, const QString& path) {
            std::uint64_t ratings = 0;
            exchange::writePrivateFile(toStd(path), [&](std::ostream& out) {
                ratings = work.exportFhir(out, std::nullopt, std::nullopt, withNames);
            });
            return tr("Wrote a FHIR R4 bundle of %n ratings to %1", "", static_cast<int>(ratings)).arg(path);
        });
}

QString ExchangeForm::backup(const QString& fileName)
{
    return withWork(fileName, tr("Choose a new file for the backup."),
                    [](security::Workspace& work, const QString& path) {
                        work.backupTo(toStd(path));
                        return tr("Backed up to %1").arg(path);
                    });
}

QString ExchangeForm::restore(const QString& fileName, const QString& password)
{
    Backend* backend = Backend::instance();
    security::Workspace* work = backend ? backend->work() : nullptr;
    if (!work)
        return tr("Sign in first.");
    if (!work->isAdmin())
        return tr("Only an admin restores a backup.");
    const std::string database = work->databasePath();
    if (database.empty() || database == ":memory:")
        return tr("A backup is restored over a database file; this one lives in memory (the demo).");
    const QString path = localPath(fileName);
    if (path.isEmpty())
        return tr("Choose the backup to restore.");
    const std::string user = work->account().name;
    try {
        exchange::restoreDatabase(toStd(path), database, [&](Store& restored) {
            security::Workspace::signIn(restored, user, toStd(password)).admitRestore();
        });
    } catch (const std::exception& e) {
        return Labels::failure(e);
    }
    backend->signOut(); // the restored database's own keys: everyone signs in again
    message_ = tr("Restored from %1. Sign in again.").arg(path);
    emit changed();
    return {};
}

} // namespace alliance::gui
