<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>DeviceStatusWidget</name>
    <message>
        <source>Last scan: —</source>
        <translation>上次扫描：—</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>已断开</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>扫描枪</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>电子秤</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Last scan: {scan}</source>
        <translation>上次扫描：{scan}</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>User guide: {role}</source>
        <translation>使用指南：{role}</translation>
    </message>
    <message>
        <source>The user guide is not installed at this station ({path}).</source>
        <translation>本工作站未安装使用指南（{path}）。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出程序(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Workspace</source>
        <translation>工作区(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Picking</source>
        <translation>拣货(&amp;P)</translation>
    </message>
    <message>
        <source>P&amp;acking</source>
        <translation>打包(&amp;A)</translation>
    </message>
    <message>
        <source>Super&amp;vision</source>
        <translation>主管(&amp;V)</translation>
    </message>
    <message>
        <source>A&amp;dministration</source>
        <translation>系统管理(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>使用指南(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Pickdesk</source>
        <translation>关于 Pickdesk(&amp;A)</translation>
    </message>
    <message>
        <source>Station: {name}</source>
        <translation>工作站：{name}</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) waiting to sync</source>
        <translation>
            <numerusform>%n 条操作待同步</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking database…</source>
        <translation>正在检查数据库…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation>连接中断</translation>
    </message>
    <message>
        <source>Central database</source>
        <translation>中央数据库</translation>
    </message>
    <message>
        <source>Sign-out was not recorded: {error}</source>
        <translation>退出登录未能记录：{error}</translation>
    </message>
    <message>
        <source>Station name kept</source>
        <translation>工作站名称未更改</translation>
    </message>
    <message numerus="yes">
        <source>The station keeps its name until its %n waiting action(s) have reached the central database. Try again when the status bar no longer shows them.</source>
        <translation>
            <numerusform>本工作站还有 %n 条操作待同步到中央数据库，同步完成前不能更改名称。状态栏不再显示待同步时请再试。</numerusform>
        </translation>
    </message>
    <message>
        <source>The new database is used after a restart.</source>
        <translation>新数据库将在重启后生效。</translation>
    </message>
    <message>
        <source>The new settings reach this screen when the batch or order in hand is done.</source>
        <translation>新设置将在当前批次或订单完成后应用到此界面。</translation>
    </message>
    <message>
        <source>About Pickdesk</source>
        <translation>关于 Pickdesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Pickdesk {version}&lt;/h3&gt;&lt;p&gt;Warehouse desktop client: pick, pack, ship, supervise.&lt;/p&gt;&lt;p&gt;Database: {db}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Pickdesk {version}&lt;/h3&gt;&lt;p&gt;仓库桌面客户端：拣货、打包、发货、监管。&lt;/p&gt;&lt;p&gt;数据库：{db}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>NoWorkspaceView</name>
    <message>
        <source>No workspace for your role yet</source>
        <translation>您的角色暂无工作台</translation>
    </message>
    <message>
        <source>You are signed in as {name} ({role}). This station has no workspace for the {role} role yet, so there is nothing to do here for now. Ask a supervisor what to work on, and sign out when you leave the station.</source>
        <translation>您已以 {name}（{role}）身份登录。本工作站暂时还没有「{role}」角色的工作台，目前这里没有可做的工作。请向主管询问当前的工作，离开工作站时请退出登录。</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Picker</source>
        <translation>拣货员</translation>
    </message>
    <message>
        <source>Packer</source>
        <translation>打包员</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>收货员</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
</context>
<context>
    <name>ScanFeedback</name>
    <message>
        <source>OK</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>REFUSED</source>
        <translation>拒绝</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>empty: the built-in database</source>
        <translation>留空：使用内置数据库</translation>
    </message>
    <message>
        <source>System printer</source>
        <translation>系统打印机</translation>
    </message>
    <message>
        <source>Network printer (raw TCP 9100)</source>
        <translation>网络打印机（TCP 9100 直连）</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>queue, host:port or folder</source>
        <translation>队列、主机:端口或文件夹</translation>
    </message>
    <message>
        <source>keyboard only</source>
        <translation>仅键盘</translation>
    </message>
    <message>
        <source>no scale</source>
        <translation>无电子秤</translation>
    </message>
    <message>
        <source>Continuous output</source>
        <translation>连续输出</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>高对比度</translation>
    </message>
    <message>
        <source>Large type (handhelds and tablets)</source>
        <translation>大字体（手持终端和平板）</translation>
    </message>
    <message>
        <source>Mute scan sounds</source>
        <translation>扫描提示音静音</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>工作站名称</translation>
    </message>
    <message>
        <source>Database URL</source>
        <translation>数据库地址</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Appearance and sound</source>
        <translation>外观与声音</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Label printer</source>
        <translation>标签打印机</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Label size</source>
        <translation>标签尺寸</translation>
    </message>
    <message>
        <source>Scanner and scale</source>
        <translation>扫描枪与电子秤</translation>
    </message>
    <message>
        <source>Scanner port</source>
        <translation>扫描枪串口</translation>
    </message>
    <message>
        <source>Scanner baud rate</source>
        <translation>扫描枪波特率</translation>
    </message>
    <message>
        <source>Scale port</source>
        <translation>电子秤串口</translation>
    </message>
    <message>
        <source>Scale baud rate</source>
        <translation>电子秤波特率</translation>
    </message>
    <message>
        <source>Scale protocol</source>
        <translation>电子秤协议</translation>
    </message>
    <message>
        <source>Give the station a name.</source>
        <translation>请填写工作站名称。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Everything on this screen works from the keyboard: Tab moves between fields, Enter confirms, and these keys act at once:</source>
        <translation>本界面的所有操作都可以用键盘完成：Tab 键在字段间移动，回车键确认，以下按键可直接执行操作：</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>SignInView</name>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Station {station}</source>
        <translation>工作站 {station}</translation>
    </message>
    <message>
        <source>Who are you?</source>
        <translation>请选择您的姓名</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>PIN 码(&amp;P)</translation>
    </message>
    <message>
        <source>4 to 8 digits</source>
        <translation>4 至 8 位数字</translation>
    </message>
    <message>
        <source>or scan your &amp;badge</source>
        <translation>或扫描工牌(&amp;B)</translation>
    </message>
    <message>
        <source>Loading names…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Choose your name first.</source>
        <translation>请先选择您的姓名。</translation>
    </message>
    <message>
        <source>Type your PIN.</source>
        <translation>请输入 PIN 码。</translation>
    </message>
    <message>
        <source>That is not a badge: scan your employee badge or use your PIN.</source>
        <translation>这不是工牌：请扫描您的员工工牌或使用 PIN 码。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Picking</source>
        <translation>拣货</translation>
    </message>
    <message>
        <source>Packing</source>
        <translation>打包</translation>
    </message>
    <message>
        <source>Receiving</source>
        <translation>收货</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>主管工作台</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>系统管理工作台</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Pickdesk</source>
        <translation>Pickdesk</translation>
    </message>
    <message>
        <source>The central database could not be opened.</source>
        <translation>无法打开中央数据库。</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Cannot reach the central database: {error}</source>
        <translation>无法连接中央数据库：{error}</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>出错了：{error}</translation>
    </message>
</context>
</TS>
