#pragma once
// Import, export and backup from the app (the Import and export page): a CSV import is checked
// first (a dry run: every file's counts and every problem by file, line and column), then written
// on request; both run on a worker thread with progress and a cancel (a cancelled import writes
// nothing). Exports and backups go through the signed-in account's workspace, as the CLI's do.
#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include <atomic>
#include <functional>
#include <memory>
#include <thread>

namespace alliance::security {
class Workspace;
}

namespace alliance::gui {

class ExchangeForm : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(QString summary READ summary NOTIFY changed)
    Q_PROPERTY(QStringList problems READ problems NOTIFY changed)
    Q_PROPERTY(bool canImport READ canImport NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)

public:
    explicit ExchangeForm(QObject* parent = nullptr);
    ~ExchangeForm() override;

    bool busy() const { return busy_; }
    double progress() const { return progress_; }
    QString summary() const { return summary_; }
    QStringList problems() const { return problems_; }
    bool canImport() const { return canImport_; }
    QString message() const { return message_; }

    // Checks the files (paths or file: URLs, separated by newlines or given as a list): nothing is
    // written; canImport turns true when every line is good.
    Q_INVOKABLE void check(const QStringList& files);
    // Writes the files last checked (checked again as they are written).
    Q_INVOKABLE void importChecked();
    Q_INVOKABLE void cancel();
    // Each returns "" when done, else what went wrong in words; `message` says what was written.
    Q_INVOKABLE QString exportCsv(const QString& folder);
    Q_INVOKABLE QString exportFhir(const QString& file, bool withNames);
    Q_INVOKABLE QString backup(const QString& file);
    // Restores a backup over the open database file (exchange::restoreDatabase): the signed-in
    // admin must be an admin of the backup too, with `password` there; then everyone is signed out
    // (the restored database has its own keys) and signs in again.
    Q_INVOKABLE QString restore(const QString& file, const QString& password);

signals:
    void changed();
    void progressChanged();
    // An import finished: written or not (the summary says which).
    void finished(bool written);

private:
    void run(bool dryRun);
    // Runs `act` with the signed-in workspace and the local path of `target` (`missing` when none);
    // its words become `message`. "" when done, else what went wrong.
    QString withWork(const QString& target, const QString& missing,
                     const std::function<QString(security::Workspace&, const QString&)>& act);
    void join();

    bool busy_ = false;
    double progress_ = 0;
    QString summary_, message_;
    QStringList problems_, files_;
    bool canImport_ = false;
    std::shared_ptr<std::atomic<bool>> cancelled_ = std::make_shared<std::atomic<bool>>(false);
    std::thread worker_;
};

} // namespace alliance::gui
