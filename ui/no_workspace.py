"""What a person whose role has no workspace yet sees after signing in (every role has one today:
kept for a role added later).

Not a crash and not someone else's screen: who they are, that their work is not on this station
yet, and a button to sign out.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.domain.actor import Actor
from ui.labels import role_name
from ui.widgets.icons import pixmap


class NoWorkspaceView(QWidget):
    """The `no_workspace` view: `no_workspace_title`, `no_workspace_message`, `no_workspace_sign_out`.

    Signals:
        sign_out_requested(): the person pressed Sign out.
    """

    sign_out_requested = Signal()

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("no_workspace")
        self.actor = actor
        icon = QLabel(self)
        icon.setPixmap(pixmap("badge", 48))
        icon.setFixedSize(48, 48)
        self.title = QLabel(self.tr("No workspace for your role yet"), self)
        self.title.setObjectName("no_workspace_title")
        self.message = QLabel(self.tr(
            "You are signed in as {name} ({role}). This station has no workspace for the {role} role yet, "
            "so there is nothing to do here for now. Ask a supervisor what to work on, and sign out when "
            "you leave the station.").format(name=actor.display_name, role=role_name(actor.role)), self)
        self.message.setObjectName("no_workspace_message")
        self.message.setWordWrap(True)
        self.sign_out_button = QPushButton(self.tr("Sign out"), self)
        self.sign_out_button.setObjectName("no_workspace_sign_out")
        self.sign_out_button.setDefault(True)
        self.sign_out_button.clicked.connect(self.sign_out_requested)

        head = QHBoxLayout()
        head.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.title, 1)
        card = QFrame(self)
        card.setObjectName("sign_in_card")  # the sign-in view's card look
        box = QVBoxLayout(card)
        box.setContentsMargins(32, 24, 32, 24)
        box.setSpacing(16)
        box.addLayout(head)
        box.addWidget(self.message)
        box.addWidget(self.sign_out_button, 0, Qt.AlignmentFlag.AlignLeft)
        card.setMaximumWidth(760)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 10)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.setFocusProxy(self.sign_out_button)
