<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>DeviceStatusWidget</name>
    <message>
        <source>Last scan: —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last scan: {scan}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>User guide: {role}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user guide is not installed at this station ({path}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Picking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;acking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Super&amp;vision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;dministration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Pickdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) waiting to sync</source>
        <translation>
            <numerusform>%n action waiting to sync</numerusform>
            <numerusform>%n actions waiting to sync</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Central database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-out was not recorded: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station name kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The station keeps its name until its %n waiting action(s) have reached the central database. Try again when the status bar no longer shows them.</source>
        <translation>
            <numerusform>The station keeps its name until its %n waiting action has reached the central database. Try again when the status bar no longer shows it.</numerusform>
            <numerusform>The station keeps its name until its %n waiting actions have reached the central database. Try again when the status bar no longer shows them.</numerusform>
        </translation>
    </message>
    <message>
        <source>The new database is used after a restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new settings reach this screen when the batch or order in hand is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Pickdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Pickdesk {version}&lt;/h3&gt;&lt;p&gt;Warehouse desktop client: pick, pack, ship, supervise.&lt;/p&gt;&lt;p&gt;Database: {db}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoWorkspaceView</name>
    <message>
        <source>No workspace for your role yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are signed in as {name} ({role}). This station has no workspace for the {role} role yet, so there is nothing to do here for now. Ask a supervisor what to work on, and sign out when you leave the station.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Picker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScanFeedback</name>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REFUSED</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: the built-in database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network printer (raw TCP 9100)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queue, host:port or folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keyboard only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continuous output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large type (handhelds and tablets)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute scan sounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appearance and sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner and scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner baud rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale baud rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the station a name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything on this screen works from the keyboard: Tab moves between fields, Enter confirms, and these keys act at once:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInView</name>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station {station}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who are you?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4 to 8 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>or scan your &amp;badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading names…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose your name first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not a badge: scan your employee badge or use your PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Picking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administration</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Opening the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pickdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central database could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Cannot reach the central database: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
