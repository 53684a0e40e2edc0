"""Editing what is known about a source, including the names an article may use for it."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from sidebyside.records import DocumentInfo


class SourceDetailsDialog(QDialog):
    def __init__(self, info: DocumentInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Source details"))
        self._fields: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        for key, label, value in (
            ("title", self.tr("&Title:"), info.title),
            ("publisher", self.tr("&Publisher:"), info.publisher),
            ("author", self.tr("&Author:"), info.author),
            ("date", self.tr("&Date:"), info.date),
            ("address", self.tr("A&ddress:"), info.address),
            ("aliases", self.tr("&Also called:"), "; ".join(info.aliases)),
        ):
            field = QLineEdit(value)
            field.setMinimumWidth(360)
            self._fields[key] = field
            form.addRow(label, field)
        self._fields["aliases"].setToolTip(
            self.tr(
                "Names an article may use for this source, separated by semicolons "
                "(e.g. “Human Rights Watch; HRW”)."
            )
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def changes(self) -> dict[str, object]:
        values: dict[str, object] = {
            key: field.text().strip() for key, field in self._fields.items() if key != "aliases"
        }
        values["aliases"] = [name.strip() for name in self._fields["aliases"].text().split(";")]
        return values
