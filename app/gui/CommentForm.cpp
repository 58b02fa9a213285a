#include "CommentForm.hpp"

#include "Backend.hpp"
#include "QtConvert.hpp"

namespace alliance::gui {

CommentForm::CommentForm(QObject* parent) : Form(parent)
{
    addField(QStringLiteral("text"), "text", tr("Comment"));
    addField(QStringLiteral("text"), "author", tr("Comment"));
    addField(QStringLiteral("text"), "date", tr("Comment"));
}

void CommentForm::reset(const QString& clientCode, int transitionId)
{
    clearErrors();
    clientCode_ = clientCode;
    transitionId_ = transitionId;
    text_.clear();
    emit loaded();
}

bool CommentForm::submit(bool signOff)
{
    clearErrors();
    // Written by the signed-in person (the core checks who may comment and sign off).
    const bool ok = attempt(
        [&](security::Workspace& store) {
            store.addTransitionComment(transitionId_, toStd(text_), fromQDate(backend()->asOf()), signOff);
        },
        clientCode_);
    if (ok) {
        text_.clear();
        emit loaded();
        emit saved();
    }
    return ok;
}

} // namespace alliance::gui
