<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>ConsoleMain</name>
    <message>
        <location filename="../app/console/main.cpp" line="+125"/>
        <source>VMS Console: the operator console of the video management system. Without --connect it runs its own server.</source>
        <translation>VMS Console — консоль оператора системы видеонаблюдения. Без --connect запускает собственный сервер.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Connect to the remote server at &lt;url&gt; instead of running the built-in server.</source>
        <translation>Подключиться к удалённому серверу по адресу &lt;url&gt; вместо запуска встроенного сервера.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+11"/>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Keep the built-in server&apos;s data in &lt;dir&gt; (default: the user&apos;s data folder).</source>
        <translation>Хранить данные встроенного сервера в папке &lt;папка&gt; (по умолчанию — папка данных пользователя).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>dir</source>
        <translation>папка</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Database of the built-in server: a PostgreSQL URL or an SQLite file (default: SQLite in the data folder).</source>
        <translation>База данных встроенного сервера: URL PostgreSQL или файл SQLite (по умолчанию — SQLite в папке данных).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Address and port of the built-in server (default: 127.0.0.1:%1, or a free port when that one is taken).</source>
        <translation>Адрес и порт встроенного сервера (по умолчанию 127.0.0.1:%1 или свободный порт, если этот занят).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>addr:port</source>
        <translation>адрес:порт</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>User interface language, e.g. en or ru (default: the system language).</source>
        <translation>Язык интерфейса, например en или ru (по умолчанию — язык системы).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>code</source>
        <translation>код</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>vms-console: --connect needs an http:// or https:// URL, got &quot;%1&quot;.
</source>
        <translation>vms-console: для --connect нужен URL http:// или https://, указано «%1».
</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>vms-console: --%1 applies to the built-in server only; ignored with --connect.
</source>
        <translation>vms-console: --%1 относится только к встроенному серверу и с --connect не учитывается.
</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>vms-console: cannot create the data folder %1.
</source>
        <translation>vms-console: не удалось создать папку данных %1.
</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>vms-console: --listen needs ADDRESS:PORT, e.g. 127.0.0.1:%1.
</source>
        <translation>vms-console: для --listen нужно АДРЕС:ПОРТ, например 127.0.0.1:%1.
</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>vms-console: the built-in server did not start: %1
</source>
        <translation>vms-console: встроенный сервер не запустился: %1
</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Built-in server: %1
</source>
        <translation>Встроенный сервер: %1
</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Created the administrator account (shown only once):
  login:    %1
  password: %2
Change the password after signing in.
</source>
        <translation>Создана учётная запись администратора (показывается только один раз):
  логин:  %1
  пароль: %2
Смените пароль после входа.
</translation>
    </message>
</context>
<context>
    <name>vms::ui::ArchivePane</name>
    <message>
        <location filename="../ui/video/archive_pane.cpp" line="+96"/>
        <source>The camera whose recording to play</source>
        <translation>Камера, запись которой воспроизводить</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The time to play from</source>
        <translation>Время, с которого начать воспроизведение</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Play from this time</source>
        <translation>Воспроизвести с этого времени</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>×%1</source>
        <translation>×%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Playback speed</source>
        <translation>Скорость воспроизведения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live</source>
        <translation>Живое видео</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back to the live video of this camera</source>
        <translation>Вернуться к живому видео этой камеры</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Click to go to a time, drag to scrub. Drag the time scale or use Shift+wheel to move, the wheel to zoom.</source>
        <translation>Щелчок — переход к моменту времени, перетаскивание — перемотка. Шкала времени сдвигается перетаскиванием или Shift+колесом, масштаб меняется колесом.</translation>
    </message>
    <message>
        <location line="+191"/>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play</source>
        <translation>Воспроизвести</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose a camera and a time</source>
        <translation>Выберите камеру и время</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Waiting for the recording to catch up…</source>
        <translation>Ожидание новых фрагментов записи…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing was recorded at or after this time.</source>
        <translation>С этого времени ничего не записано.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (paused)</source>
        <translation>%1 (пауза)</translation>
    </message>
</context>
<context>
    <name>vms::ui::ArchivePlayer</name>
    <message>
        <location filename="../ui/video/archive_player.cpp" line="+360"/>
        <source>The recording cannot be played: %1</source>
        <translation>Запись невозможно воспроизвести: %1</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>the segment cannot be read</source>
        <translation>фрагмент записи не читается</translation>
    </message>
</context>
<context>
    <name>vms::ui::AuditActionNames</name>
    <message>
        <location filename="../ui/audit_action_names.cpp" line="+17"/>
        <source>Camera created</source>
        <translation>Камера создана</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Camera deleted</source>
        <translation>Камера удалена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Camera changed</source>
        <translation>Камера изменена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Face created</source>
        <translation>Лицо создано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Face deleted</source>
        <translation>Лицо удалено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Face changed</source>
        <translation>Лицо изменено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Face list created</source>
        <translation>Список лиц создан</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Face list deleted</source>
        <translation>Список лиц удалён</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Face list changed</source>
        <translation>Список лиц изменён</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Face image added</source>
        <translation>Изображение лица добавлено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Face image removed</source>
        <translation>Изображение лица удалено</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Face added to a list</source>
        <translation>Лицо добавлено в список</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Face removed from a list</source>
        <translation>Лицо удалено из списка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group created</source>
        <translation>Группа создана</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group deleted</source>
        <translation>Группа удалена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group changed</source>
        <translation>Группа изменена</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User added to a group</source>
        <translation>Пользователь добавлен в группу</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User removed from a group</source>
        <translation>Пользователь удалён из группы</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Place added to a group</source>
        <translation>Место добавлено в группу</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Place removed from a group</source>
        <translation>Место удалено из группы</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organization created</source>
        <translation>Организация создана</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organization deleted</source>
        <translation>Организация удалена</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organization changed</source>
        <translation>Организация изменена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Permission granted</source>
        <translation>Право выдано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Permission revoked</source>
        <translation>Право отозвано</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Camera image settings changed</source>
        <translation>Изменены настройки изображения камеры</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Camera network settings changed</source>
        <translation>Изменены сетевые настройки камеры</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Camera turned or zoomed (PTZ)</source>
        <translation>Поворот или зум камеры (PTZ)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PTZ home position saved</source>
        <translation>Домашняя позиция PTZ сохранена</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Camera moved to the PTZ home position</source>
        <translation>Камера переведена в домашнюю позицию PTZ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PTZ preset created</source>
        <translation>Предустановка PTZ создана</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PTZ preset deleted</source>
        <translation>Предустановка PTZ удалена</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Camera moved to a PTZ preset</source>
        <translation>Камера переведена в предустановку PTZ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Camera stream settings changed</source>
        <translation>Изменены настройки потока камеры</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Camera user password changed</source>
        <translation>Изменён пароль пользователя камеры</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orion record created</source>
        <translation>Запись Orion создана</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orion record deleted</source>
        <translation>Запись Orion удалена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orion record changed</source>
        <translation>Запись Orion изменена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place created</source>
        <translation>Место создано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place deleted</source>
        <translation>Место удалено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place changed</source>
        <translation>Место изменено</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Group assigned to a place</source>
        <translation>Месту назначена группа</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Group unassigned from a place</source>
        <translation>Группа снята с места</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan created</source>
        <translation>План создан</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan deleted</source>
        <translation>План удалён</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan changed</source>
        <translation>План изменён</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Camera placed on a plan</source>
        <translation>Камера размещена на плане</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Camera removed from a plan</source>
        <translation>Камера убрана с плана</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Camera moved on a plan</source>
        <translation>Камера перемещена на плане</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Licence plate created</source>
        <translation>Номер создан</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Licence plate deleted</source>
        <translation>Номер удалён</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Licence plate changed</source>
        <translation>Номер изменён</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plate list created</source>
        <translation>Список номеров создан</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plate list deleted</source>
        <translation>Список номеров удалён</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plate list changed</source>
        <translation>Список номеров изменён</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plate added to a list</source>
        <translation>Номер добавлен в список</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plate removed from a list</source>
        <translation>Номер удалён из списка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role created</source>
        <translation>Роль создана</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role deleted</source>
        <translation>Роль удалена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role changed</source>
        <translation>Роль изменена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File uploaded</source>
        <translation>Файл загружен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User created</source>
        <translation>Пользователь создан</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User deleted</source>
        <translation>Пользователь удалён</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User changed</source>
        <translation>Пользователь изменён</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed in</source>
        <translation>Вход в систему</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed out</source>
        <translation>Выход из системы</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Software version updated</source>
        <translation>Версия ПО обновлена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Video clip created</source>
        <translation>Видеофрагмент создан</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Video clip deleted</source>
        <translation>Видеофрагмент удалён</translation>
    </message>
</context>
<context>
    <name>vms::ui::AuditLogModel</name>
    <message>
        <location filename="../ui/audit_log_model.cpp" line="+64"/>
        <source>User %1, role “%2”</source>
        <translation>Пользователь %1, роль «%2»</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
</context>
<context>
    <name>vms::ui::AuditLogView</name>
    <message>
        <location filename="../ui/audit_log_view.cpp" line="+50"/>
        <source>Last hour</source>
        <translation>Последний час</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 24 hours</source>
        <translation>Последние 24 часа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <translation>Последние 7 дней</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 30 days</source>
        <translation>Последние 30 дней</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom period</source>
        <translation>Другой период</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>All users (or IDs: 1, 5)</source>
        <translation>Все пользователи (или ID: 1, 5)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>All actions</source>
        <translation>Все действия</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Search</source>
        <translation>Найти</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Period:</source>
        <translation>Период:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From:</source>
        <translation>С:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To:</source>
        <translation>По:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Users:</source>
        <translation>Пользователи:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action:</source>
        <translation>Действие:</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Load more</source>
        <translation>Загрузить ещё</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>The period must start before it ends.</source>
        <translation>Начало периода должно быть раньше его конца.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>User IDs must be positive numbers separated by commas.</source>
        <translation>ID пользователей — положительные числа через запятую.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No entries match the filter.</source>
        <translation>Нет записей, подходящих под фильтр.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Entries shown: %1. More are available.</source>
        <translation>Показано записей: %1. Есть ещё.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Entries shown: %1.</source>
        <translation>Показано записей: %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not load the audit log: %1</source>
        <translation>Не удалось загрузить журнал аудита: %1</translation>
    </message>
</context>
<context>
    <name>vms::ui::CameraDialog</name>
    <message>
        <location filename="../ui/camera_dialog.cpp" line="+39"/>
        <source>Enter the camera name.</source>
        <translation>Введите название камеры.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The name is longer than %n characters.</source>
        <translation>
            <numerusform>Название длиннее %n символа.</numerusform>
            <numerusform>Название длиннее %n символов.</numerusform>
            <numerusform>Название длиннее %n символов.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the place where the camera is.</source>
        <translation>Выберите место, где установлена камера.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the stream URL, e.g. rtsp://192.168.1.10/stream1.</source>
        <translation>Введите адрес потока, например rtsp://192.168.1.10/stream1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The stream URL is not valid. It needs a scheme and an address, e.g. rtsp://192.168.1.10/stream1.</source>
        <translation>Адрес потока неверен: нужны схема и адрес, например rtsp://192.168.1.10/stream1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The substream URL is not valid. Leave it empty if the camera has no substream.</source>
        <translation>Адрес дополнительного потока неверен. Оставьте поле пустым, если у камеры нет дополнительного потока.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The ONVIF port must be between 1 and 65535.</source>
        <translation>Порт ONVIF должен быть от 1 до 65535.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The ONVIF address or login is longer than %n characters.</source>
        <translation>
            <numerusform>Адрес или логин ONVIF длиннее %n символа.</numerusform>
            <numerusform>Адрес или логин ONVIF длиннее %n символов.</numerusform>
            <numerusform>Адрес или логин ONVIF длиннее %n символов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The scheduler group is longer than %n characters.</source>
        <translation>
            <numerusform>Группа планировщика длиннее %n символа.</numerusform>
            <numerusform>Группа планировщика длиннее %n символов.</numerusform>
            <numerusform>Группа планировщика длиннее %n символов.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The tag &quot;%1&quot; is longer than %2 characters.</source>
        <translation>Метка «%1» длиннее %2 символов.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>New camera</source>
        <translation>Новая камера</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit camera</source>
        <translation>Изменение камеры</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create camera</source>
        <translation>Создать камеру</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. Main entrance</source>
        <translation>например, Главный вход</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a place…</source>
        <translation>Выберите место…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>rtsp://192.168.1.10:554/stream1</source>
        <translation>rtsp://192.168.1.10:554/stream1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optional: a lower resolution stream for small tiles</source>
        <translation>Необязательно: поток низкого разрешения для маленьких окон</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TCP (reliable, recommended)</source>
        <translation>TCP (надёжно, рекомендуется)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UDP (lower latency, may lose packets)</source>
        <translation>UDP (меньше задержка, возможны потери пакетов)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Optional: address for PTZ and image settings</source>
        <translation>Необязательно: адрес для PTZ и настроек изображения</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Unchanged</source>
        <translation>Без изменений</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Optional, e.g. north-building</source>
        <translation>Необязательно, например north-building</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Comma-separated, e.g. gpu, lpr</source>
        <translation>Через запятую, например gpu, lpr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A stream server takes the cameras whose tags it serves; each tag has 1 to %1 characters.</source>
        <translation>Сервер потоков берёт камеры с метками, которые он обслуживает; длина каждой метки — от 1 до %1 символов.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Camera</source>
        <translation>Камера</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place:</source>
        <translation>Место:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Video stream</source>
        <translation>Видеопоток</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stream URL:</source>
        <translation>Адрес потока:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Substream URL:</source>
        <translation>Доп. поток:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transport:</source>
        <translation>Транспорт:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ONVIF</source>
        <translation>ONVIF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host:</source>
        <translation>Хост:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port:</source>
        <translation>Порт:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Login:</source>
        <translation>Логин:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scheduling</source>
        <translation>Распределение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scheduler group:</source>
        <translation>Группа планировщика:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags:</source>
        <translation>Метки:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>There are no places yet. Create a place in the Plans panel first: every camera belongs to a place.</source>
        <translation>Мест ещё нет. Сначала создайте место на панели «Планы»: каждая камера относится к месту.</translation>
    </message>
</context>
<context>
    <name>vms::ui::CameraTableModel</name>
    <message>
        <location filename="../ui/camera_table_model.cpp" line="+28"/>
        <source>Place %1</source>
        <translation>Место %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1
Place: %2</source>
        <translation>%1
Место: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>
On plan: %1</source>
        <translation>
На плане: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>
Drag the camera onto a plan to place it there.</source>
        <translation>
Перетащите камеру на план, чтобы разместить её.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Camera</source>
        <translation>Камера</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Place</source>
        <translation>Место</translation>
    </message>
</context>
<context>
    <name>vms::ui::CamerasPane</name>
    <message>
        <location filename="../ui/cameras_pane.cpp" line="+43"/>
        <source>Search by name or camera ID</source>
        <translation>Поиск по названию или ID камеры</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>New…</source>
        <translation>Создать…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+162"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location line="-159"/>
        <source>Reload</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Loading cameras…</source>
        <translation>Загрузка камер…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Could not load the cameras: %1</source>
        <translation>Не удалось загрузить камеры: %1</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Loading places…</source>
        <translation>Загрузка мест…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not load the places: %1</source>
        <translation>Не удалось загрузить места: %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Created the camera %1.</source>
        <translation>Камера %1 создана.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved the camera %1.</source>
        <translation>Камера %1 сохранена.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Delete camera</source>
        <translation>Удаление камеры</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the camera %1? It is also taken off its plan. Recordings are not part of this and stay on disk until retention removes them.</source>
        <translation>Удалить камеру %1? Она также будет убрана с плана. Записи при этом не удаляются и остаются на диске до очистки архива.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not delete %1: %2</source>
        <translation>Не удалось удалить %1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deleted the camera %1.</source>
        <translation>Камера %1 удалена.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Show live</source>
        <translation>Смотреть в реальном времени</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Camera settings (ONVIF)…</source>
        <translation>Настройки камеры (ONVIF)…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No cameras yet. Add one with New… — every camera belongs to a place, which you create in the Plans panel.</source>
        <translation>Камер ещё нет. Добавьте камеру кнопкой «Создать…» — каждая камера относится к месту, которое создаётся на панели «Планы».</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No camera matches &quot;%1&quot;.</source>
        <translation>Нет камер, подходящих под «%1».</translation>
    </message>
</context>
<context>
    <name>vms::ui::ConsoleController</name>
    <message>
        <location filename="../ui/console_controller.cpp" line="+49"/>
        <source>The built-in server created this administrator account with a generated password, filled in below. Change the password after signing in: My profile → Password.</source>
        <translation>Встроенный сервер создал эту учётную запись администратора со сгенерированным паролем — он уже введён ниже. Смените пароль после входа: Мой профиль → Пароль.</translation>
    </message>
</context>
<context>
    <name>vms::ui::ErrorText</name>
    <message>
        <location filename="../ui/error_text.cpp" line="+13"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Wrong login or password.</source>
        <translation>Неверный логин или пароль.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <source>Your session has expired. Sign in again.</source>
        <translation>Сеанс истёк. Войдите снова.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You do not have permission to do this.</source>
        <translation>У вас нет прав на это действие.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The requested item does not exist any more.</source>
        <translation>Запрошенный объект больше не существует.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server rejected the request.</source>
        <translation>Сервер отклонил запрос.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Some values are not valid.</source>
        <translation>Некоторые значения недопустимы.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Some values are not valid: %1.</source>
        <translation>Некоторые значения недопустимы: %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The item was changed by someone else or already exists.</source>
        <translation>Объект изменён кем-то другим или уже существует.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The data is too large for the server.</source>
        <translation>Данные слишком велики для сервера.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too many attempts. Wait a moment and try again.</source>
        <translation>Слишком много попыток. Подождите немного и повторите.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server cannot be reached. Check the connection and try again.</source>
        <translation>Сервер недоступен. Проверьте подключение и повторите попытку.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server did not answer in time. Try again.</source>
        <translation>Сервер не ответил вовремя. Повторите попытку.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server could not process the request.</source>
        <translation>Сервер не смог обработать запрос.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The camera rejected the login and password stored for it. Check them in the camera&apos;s properties.</source>
        <translation>Камера отклонила сохранённые для неё логин и пароль. Проверьте их в свойствах камеры.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No ONVIF address, login or password is set for this camera. Enter them in the camera&apos;s properties.</source>
        <translation>Для этой камеры не заданы адрес, логин или пароль ONVIF. Укажите их в свойствах камеры.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The camera does not support this.</source>
        <translation>Камера этого не поддерживает.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The camera did not accept the value.</source>
        <translation>Камера не приняла значение.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The camera cannot be reached. Check that it is switched on and connected to the network.</source>
        <translation>Камера недоступна. Проверьте, что она включена и подключена к сети.</translation>
    </message>
</context>
<context>
    <name>vms::ui::FormDialog</name>
    <message>
        <location filename="../ui/form_dialog.cpp" line="+66"/>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
</context>
<context>
    <name>vms::ui::GroupTableModel</name>
    <message>
        <location filename="../ui/group_table_model.cpp" line="+55"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Users</source>
        <translation>Пользователи</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Places</source>
        <translation>Места</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
</context>
<context>
    <name>vms::ui::GroupsEditor</name>
    <message>
        <location filename="../ui/groups_editor.cpp" line="+57"/>
        <source>Filter groups</source>
        <translation>Фильтр групп</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New group…</source>
        <translation>Новая группа…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+324"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location line="-320"/>
        <source>Reload</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Members</source>
        <translation>Участники</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Add users…</source>
        <translation>Добавить пользователей…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+29"/>
        <source>Remove from group</source>
        <translation>Убрать из группы</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Places</source>
        <translation>Места</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add places…</source>
        <translation>Добавить места…</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Loading groups…</source>
        <translation>Загрузка групп…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not load the groups: %1</source>
        <translation>Не удалось загрузить группы: %1</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Select a group to see its members and places</source>
        <translation>Выберите группу, чтобы увидеть её участников и места</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Could not load the members: %1</source>
        <translation>Не удалось загрузить участников: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not load the places: %1</source>
        <translation>Не удалось загрузить места: %1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>New group</source>
        <translation>Новая группа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create</source>
        <translation>Создать</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Created the group %1.</source>
        <translation>Группа %1 создана.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Edit group</source>
        <translation>Изменение группы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Saved the group %1.</source>
        <translation>Группа %1 сохранена.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Delete group</source>
        <translation>Удаление группы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the group %1? A group that still has members cannot be deleted; its places are left without a group.</source>
        <translation>Удалить группу %1? Группу с участниками удалить нельзя; её места останутся без группы.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not delete %1: %2</source>
        <translation>Не удалось удалить %1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deleted the group %1.</source>
        <translation>Группа %1 удалена.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Add users to %1</source>
        <translation>Добавление пользователей в группу %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A user belongs to one group at a time, so only users without a group are listed.</source>
        <translation>Пользователь может состоять только в одной группе, поэтому в списке только пользователи без группы.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every user is already in a group. Remove a user from their group first.</source>
        <translation>Все пользователи уже состоят в группах. Сначала уберите пользователя из его группы.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Added the chosen users to %1.</source>
        <translation>Выбранные пользователи добавлены в группу %1.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Could not remove the users: %1</source>
        <translation>Не удалось убрать пользователей: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Removed the selected users from %1.</source>
        <translation>Выбранные пользователи убраны из группы %1.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Add places to %1</source>
        <translation>Добавление мест в группу %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A place belongs to one group at a time, so only places without a group are listed.</source>
        <translation>Место может относиться только к одной группе, поэтому в списке только места без группы.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every place is already in a group, or there are no places yet (create them in the Plans panel).</source>
        <translation>Все места уже относятся к группам, или мест ещё нет (их создают на панели «Планы»).</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Added the chosen places to %1.</source>
        <translation>Выбранные места добавлены в группу %1.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Could not remove the places: %1</source>
        <translation>Не удалось убрать места: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Removed the selected places from %1.</source>
        <translation>Выбранные места убраны из группы %1.</translation>
    </message>
</context>
<context>
    <name>vms::ui::ItemPickerDialog</name>
    <message>
        <location filename="../ui/item_picker_dialog.cpp" line="+26"/>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Type to filter</source>
        <translation>Введите текст для фильтра</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Select at least one item.</source>
        <translation>Выберите хотя бы один элемент.</translation>
    </message>
</context>
<context>
    <name>vms::ui::LiveFeed</name>
    <message>
        <location filename="../ui/video/live_feed.cpp" line="+78"/>
        <source>The camera has no video address.</source>
        <translation>У камеры не указан адрес видеопотока.</translation>
    </message>
</context>
<context>
    <name>vms::ui::LiveViewPane</name>
    <message>
        <location filename="../ui/live_view_pane.cpp" line="+93"/>
        <source>1 camera</source>
        <translation>1 камера</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1×%1 grid</source>
        <translation>Сетка %1×%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show one camera</source>
        <translation>Показать одну камеру</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show a grid of %1×%1 cameras</source>
        <translation>Показать сетку камер %1×%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Full screen</source>
        <translation>Во весь экран</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show the grid full screen (F11; Esc leaves)</source>
        <translation>Показать сетку во весь экран (F11; выход — Esc)</translation>
    </message>
    <message>
        <location line="+227"/>
        <source>Live view</source>
        <translation>Живое видео</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Drag cameras from the camera list onto the tiles</source>
        <translation>Перетащите камеры из списка камер в ячейки сетки</translation>
    </message>
</context>
<context>
    <name>vms::ui::LoginDialog</name>
    <message>
        <location filename="../ui/login_dialog.cpp" line="+23"/>
        <source>Sign in — VMS Console</source>
        <translation>Вход — VMS Console</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>VMS Console</source>
        <translation>VMS Console</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sign in to the video management server.</source>
        <translation>Вход на сервер системы видеонаблюдения.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 (remote server)</source>
        <translation>%1 (удалённый сервер)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (built-in server)</source>
        <translation>%1 (встроенный сервер)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Server:</source>
        <translation>Сервер:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Login:</source>
        <translation>&amp;Логин:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+100"/>
        <source>Sign in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <location line="-97"/>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Enter your login.</source>
        <translation>Введите логин.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter your password.</source>
        <translation>Введите пароль.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Signing in…</source>
        <translation>Вход…</translation>
    </message>
</context>
<context>
    <name>vms::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="+63"/>
        <source>VMS Console</source>
        <translation>VMS Console</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>My profile</source>
        <translation>Мой профиль</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audit log</source>
        <translation>Журнал аудита</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cameras</source>
        <translation>Камеры</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Plans</source>
        <translation>Планы</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Live view</source>
        <translation>Живое видео</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Archive downloads</source>
        <translation>Загрузки архива</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>This panel will list recognition events as they happen: faces and licence plates from the watch lists, motion and line crossing.</source>
        <translation>Здесь будут появляться события распознавания: лица и номера из списков наблюдения, движение и пересечение линии.</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Archive</source>
        <translation>Архив</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>PTZ</source>
        <translation>PTZ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This panel will list the archive clips you export, with their progress; finished clips can be opened or saved from here.</source>
        <translation>Здесь будет список экспортируемых фрагментов архива и ход их подготовки; готовые фрагменты можно будет открыть или сохранить отсюда.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 — VMS Console</source>
        <translation>%1 — VMS Console</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed in as %1</source>
        <translation>Вы вошли как %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Server version %1</source>
        <translation>Версия сервера %1</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Users</source>
        <translation>Пользователи</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Groups</source>
        <translation>Группы</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Roles</source>
        <translation>Роли</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organizations</source>
        <translation>Организации</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>&amp;Session</source>
        <translation>&amp;Сеанс</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Log out</source>
        <translation>&amp;Завершить сеанс</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About VMS Console</source>
        <translation>&amp;О программе VMS Console</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Server: %1</source>
        <translation>Сервер: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Connected</source>
        <translation>Подключено</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reconnecting…</source>
        <translation>Переподключение…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Disconnected</source>
        <translation>Нет подключения</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unknown</source>
        <translation>неизвестна</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About VMS Console</source>
        <translation>О программе VMS Console</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;VMS Console %1&lt;/h3&gt;&lt;p&gt;Operator console of the video management system.&lt;/p&gt;&lt;p&gt;Server: %2&lt;br&gt;Server version: %3&lt;/p&gt;</source>
        <translation>&lt;h3&gt;VMS Console %1&lt;/h3&gt;&lt;p&gt;Консоль оператора системы видеонаблюдения.&lt;/p&gt;&lt;p&gt;Сервер: %2&lt;br&gt;Версия сервера: %3&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>vms::ui::NameDescriptionDialog</name>
    <message>
        <location filename="../ui/name_description_dialog.cpp" line="+25"/>
        <source>Optional</source>
        <translation>Необязательно</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description:</source>
        <translation>Описание:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Built-in: the name cannot change.</source>
        <translation>Встроенный объект: название изменить нельзя.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Enter a name.</source>
        <translation>Введите название.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The name is longer than %n characters.</source>
        <translation>
            <numerusform>Название длиннее %n символа.</numerusform>
            <numerusform>Название длиннее %n символов.</numerusform>
            <numerusform>Название длиннее %n символов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>The description is longer than %n characters.</source>
        <translation>
            <numerusform>Описание длиннее %n символа.</numerusform>
            <numerusform>Описание длиннее %n символов.</numerusform>
            <numerusform>Описание длиннее %n символов.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vms::ui::OnvifSettingsDialog</name>
    <message>
        <location filename="../ui/onvif_settings_dialog.cpp" line="+43"/>
        <source>Main stream</source>
        <translation>Основной поток</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Substream 1</source>
        <translation>Дополнительный поток 1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Substream 2</source>
        <translation>Дополнительный поток 2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>On</source>
        <translation>Вкл.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Off</source>
        <translation>Выкл.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Automatic</source>
        <translation>Автоматически</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Manual</source>
        <translation>Вручную</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <location line="+190"/>
        <source>Camera settings</source>
        <translation>Настройки камеры</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Camera settings — %1</source>
        <translation>Настройки камеры — %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>These settings are stored on the camera itself and are changed over ONVIF.</source>
        <translation>Эти настройки хранятся в самой камере и меняются по ONVIF.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Device</source>
        <translation>Устройство</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network</source>
        <translation>Сеть</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Users</source>
        <translation>Пользователи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Streams</source>
        <translation>Потоки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imaging</source>
        <translation>Изображение</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Manufacturer:</source>
        <translation>Производитель:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model:</source>
        <translation>Модель:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Firmware version:</source>
        <translation>Версия прошивки:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serial number:</source>
        <translation>Серийный номер:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hardware ID:</source>
        <translation>Идентификатор оборудования:</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+449"/>
        <source>Reload</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location line="-436"/>
        <location line="+64"/>
        <location line="+101"/>
        <location line="+139"/>
        <location line="+147"/>
        <source>Asking the camera…</source>
        <translation>Запрос к камере…</translation>
    </message>
    <message>
        <location line="-446"/>
        <location line="+7"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>HTTP port:</source>
        <translation>Порт HTTP:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>HTTPS port:</source>
        <translation>Порт HTTPS:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RTSP port:</source>
        <translation>Порт RTSP:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The server reaches the camera through these ports. A wrong port cuts the camera off until it is reset on site.</source>
        <translation>Сервер связывается с камерой через эти порты. Неверный порт отрежет камеру, пока её не сбросят на месте.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Apply…</source>
        <translation>Применить…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>not offered</source>
        <translation>не поддерживается</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>enabled</source>
        <translation>включён</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>disabled</source>
        <translation>выключен</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No port was changed.</source>
        <translation>Ни один порт не изменён.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change network ports</source>
        <translation>Изменить сетевые порты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The camera will answer on the new ports at once. If a port is wrong, the server loses the camera until it is reset on site. Change the ports?</source>
        <translation>Камера сразу начнёт отвечать на новых портах. Если порт неверный, сервер потеряет камеру, пока её не сбросят на месте. Изменить порты?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change ports</source>
        <translation>Изменить порты</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+114"/>
        <location line="+178"/>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <location line="-283"/>
        <source>Ports changed.</source>
        <translation>Порты изменены.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>User</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Level</source>
        <translation>Уровень</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>After changing the password of the account the server signs in with, enter the new password in the camera&apos;s properties too.</source>
        <translation>Если вы меняете пароль учётной записи, под которой входит сервер, укажите новый пароль и в свойствах камеры.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Change password…</source>
        <translation>Сменить пароль…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The camera reports no users.</source>
        <translation>Камера не сообщает ни одного пользователя.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Change password of %1</source>
        <translation>Смена пароля %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Enter the new password (at most %1 characters).</source>
        <translation>Введите новый пароль (не более %1 символов).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The passwords do not match.</source>
        <translation>Пароли не совпадают.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Password of %1 changed.</source>
        <translation>Пароль %1 изменён.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New password:</source>
        <translation>Новый пароль:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat:</source>
        <translation>Повтор:</translation>
    </message>
    <message>
        <location line="+22"/>
        <source> fps</source>
        <translation> к/с</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> kbit/s</source>
        <translation> кбит/с</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Frames from one key frame to the next</source>
        <translation>Кадров от одного ключевого кадра до следующего</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Encoder:</source>
        <translation>Кодек:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolution:</source>
        <translation>Разрешение:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frame rate:</source>
        <translation>Частота кадров:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bit rate:</source>
        <translation>Битрейт:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key frame interval:</source>
        <translation>Интервал ключевых кадров:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stream address:</source>
        <translation>Адрес потока:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Apply</source>
        <translation>Применить</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Stream:</source>
        <translation>Поток:</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The camera reports no streams.</source>
        <translation>Камера не сообщает ни одного потока.</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>None of the sizes this encoder offers can be set here.</source>
        <translation>Ни один из размеров, которые предлагает этот кодек, нельзя задать здесь.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Stream settings saved.</source>
        <translation>Настройки потока сохранены.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Changes apply to the camera at once.</source>
        <translation>Изменения сразу применяются к камере.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Brightness:</source>
        <translation>Яркость:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contrast:</source>
        <translation>Контрастность:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Colour saturation:</source>
        <translation>Насыщенность:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sharpness:</source>
        <translation>Резкость:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Exposure:</source>
        <translation>Экспозиция:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Backlight compensation:</source>
        <translation>Компенсация засветки:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>IR cut filter:</source>
        <translation>ИК-фильтр:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Wide dynamic range:</source>
        <translation>Расширенный динамический диапазон:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>WDR level:</source>
        <translation>Уровень WDR:</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>White balance:</source>
        <translation>Баланс белого:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Red gain:</source>
        <translation>Усиление красного:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Blue gain:</source>
        <translation>Усиление синего:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The camera offers no imaging settings.</source>
        <translation>Камера не предлагает настроек изображения.</translation>
    </message>
</context>
<context>
    <name>vms::ui::OrganizationTableModel</name>
    <message>
        <location filename="../ui/organization_table_model.cpp" line="+34"/>
        <source>Built-in</source>
        <translation>Встроенная</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tenant</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
</context>
<context>
    <name>vms::ui::OrganizationsEditor</name>
    <message>
        <location filename="../ui/organizations_editor.cpp" line="+34"/>
        <source>Organizations are separate tenants: their users see only their own cameras, places and users. Only superusers manage them.</source>
        <translation>Организации — отдельные клиенты: их пользователи видят только свои камеры, места и пользователей. Управляют ими только суперпользователи.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New organization…</source>
        <translation>Новая организация…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+168"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location line="-164"/>
        <source>Reload</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Loading organizations…</source>
        <translation>Загрузка организаций…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not load the organizations: %1</source>
        <translation>Не удалось загрузить организации: %1</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Edit organization</source>
        <translation>Изменение организации</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New organization</source>
        <translation>Новая организация</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Create</source>
        <translation>Создать</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Created the organization %1.</source>
        <translation>Организация %1 создана.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved the organization %1.</source>
        <translation>Организация %1 сохранена.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Delete organization</source>
        <translation>Удаление организации</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the organization %1? Only an empty organization can be deleted: remove its users, groups, places and cameras first.</source>
        <translation>Удалить организацию %1? Удалить можно только пустую организацию: сначала удалите её пользователей, группы, места и камеры.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not delete %1: %2</source>
        <translation>Не удалось удалить %1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deleted the organization %1.</source>
        <translation>Организация %1 удалена.</translation>
    </message>
</context>
<context>
    <name>vms::ui::PasswordDialog</name>
    <message>
        <location filename="../ui/user_dialog.cpp" line="+180"/>
        <source>Reset password</source>
        <translation>Сброс пароля</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set password</source>
        <translation>Задать пароль</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set a new password for %1. Their other sessions end, and they sign in with the new password from now on.</source>
        <translation>Задайте новый пароль для пользователя %1. Его другие сеансы завершатся, и дальше он будет входить с новым паролем.</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>At least %n characters</source>
        <translation>
            <numerusform>Не менее %n символа</numerusform>
            <numerusform>Не менее %n символов</numerusform>
            <numerusform>Не менее %n символов</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New password:</source>
        <translation>Новый пароль:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat password:</source>
        <translation>Повторите пароль:</translation>
    </message>
</context>
<context>
    <name>vms::ui::PermissionTreeModel</name>
    <message>
        <location filename="../ui/permission_tree_model.cpp" line="+34"/>
        <source>Audit log</source>
        <translation>Журнал аудита</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cameras</source>
        <translation>Камеры</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Face images</source>
        <translation>Изображения лиц</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Face lists</source>
        <translation>Списки лиц</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Faces</source>
        <translation>Лица</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Groups</source>
        <translation>Группы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Camera control (ONVIF)</source>
        <translation>Управление камерами (ONVIF)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orion integration</source>
        <translation>Интеграция с Orion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organizations</source>
        <translation>Организации</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Permissions</source>
        <translation>Разрешения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Places</source>
        <translation>Места</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plans</source>
        <translation>Планы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plate lists</source>
        <translation>Списки номеров</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Licence plates</source>
        <translation>Номерные знаки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roles</source>
        <translation>Роли</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archive segments</source>
        <translation>Фрагменты архива</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Snapshots</source>
        <translation>Снимки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statistics</source>
        <translation>Статистика</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Streams</source>
        <translation>Потоки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stream servers</source>
        <translation>Серверы потоков</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stream status</source>
        <translation>Состояние потоков</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uploads</source>
        <translation>Загруженные файлы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Users</source>
        <translation>Пользователи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Video clips</source>
        <translation>Видеоролики</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 из %3)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
</context>
<context>
    <name>vms::ui::PlaceDialog</name>
    <message>
        <location filename="../ui/place_dialog.cpp" line="+38"/>
        <source>e.g. Head office</source>
        <translation>например, Головной офис</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Optional, e.g. the address</source>
        <translation>Необязательно, например адрес</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Known location</source>
        <translation>Координаты известны</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Latitude:</source>
        <translation>Широта:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Longitude:</source>
        <translation>Долгота:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description:</source>
        <translation>Описание:</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Enter the name of the place.</source>
        <translation>Введите название места.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The name is longer than %n characters.</source>
        <translation>
            <numerusform>Название длиннее %n символа.</numerusform>
            <numerusform>Название длиннее %n символов.</numerusform>
            <numerusform>Название длиннее %n символов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>The description is longer than %n characters.</source>
        <translation>
            <numerusform>Описание длиннее %n символа.</numerusform>
            <numerusform>Описание длиннее %n символов.</numerusform>
            <numerusform>Описание длиннее %n символов.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vms::ui::PlaceTableModel</name>
    <message>
        <location filename="../ui/place_table_model.cpp" line="+50"/>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cameras</source>
        <translation>Камеры</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plans</source>
        <translation>Планы</translation>
    </message>
</context>
<context>
    <name>vms::ui::PlaceTreeModel</name>
    <message>
        <location filename="../ui/place_tree_model.cpp" line="+64"/>
        <source>%1
Cameras: %2, plans: %3</source>
        <translation>%1
Камер: %2, планов: %3</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Plan %1: select it to see its cameras; drop cameras on it to place them.</source>
        <translation>План %1: выберите его, чтобы увидеть камеры; перетащите на него камеры, чтобы разместить их.</translation>
    </message>
</context>
<context>
    <name>vms::ui::PlanCameraItem</name>
    <message>
        <location filename="../ui/plan_camera_item.cpp" line="+38"/>
        <source>%1
Drag to move, double-click for live video, right-click for more.</source>
        <translation>%1
Перетащите, чтобы переместить; двойной щелчок — живое видео; правый щелчок — другие действия.</translation>
    </message>
</context>
<context>
    <name>vms::ui::PlanDialog</name>
    <message>
        <location filename="../ui/plan_dialog.cpp" line="+20"/>
        <source>e.g. Ground floor</source>
        <translation>например, Первый этаж</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Place:</source>
        <translation>Место:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Image:</source>
        <translation>Изображение:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Enter the name of the plan.</source>
        <translation>Введите название плана.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The name is longer than %n characters.</source>
        <translation>
            <numerusform>Название длиннее %n символа.</numerusform>
            <numerusform>Название длиннее %n символов.</numerusform>
            <numerusform>Название длиннее %n символов.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vms::ui::PlanView</name>
    <message>
        <location filename="../ui/plan_view.cpp" line="+211"/>
        <source>Show live video</source>
        <translation>Показать живое видео</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove from plan</source>
        <translation>Убрать с плана</translation>
    </message>
</context>
<context>
    <name>vms::ui::PlansPane</name>
    <message>
        <location filename="../ui/plans_pane.cpp" line="+43"/>
        <source>New place…</source>
        <translation>Новое место…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add plan…</source>
        <translation>Добавить план…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete the selected place or plan</source>
        <translation>Удалить выбранное место или план</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reload</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Loading places and plans…</source>
        <translation>Загрузка мест и планов…</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Could not load the places: %1</source>
        <translation>Не удалось загрузить места: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not load the plans: %1</source>
        <translation>Не удалось загрузить планы: %1</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 has no plans yet. Add one with Add plan…: choose an image of the floor plan, then drag cameras onto it.</source>
        <translation>У места %1 ещё нет планов. Добавьте план кнопкой «Добавить план…»: выберите изображение плана этажа, затем перетащите на него камеры.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select a plan of %1 to see its cameras.</source>
        <translation>Выберите план места %1, чтобы увидеть его камеры.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plan</source>
        <translation>План</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There are no places yet. Create one with New place…, then add a floor plan to it.</source>
        <translation>Мест ещё нет. Создайте место кнопкой «Новое место…», затем добавьте к нему план этажа.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select a plan to see its cameras.</source>
        <translation>Выберите план, чтобы увидеть его камеры.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Loading the plan…</source>
        <translation>Загрузка плана…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Could not load the plan image: %1</source>
        <translation>Не удалось загрузить изображение плана: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The plan image cannot be shown: it is not an image this console can read.</source>
        <translation>Изображение плана нельзя показать: консоль не может прочитать этот формат.</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+30"/>
        <source>Could not load the cameras of the plan: %1</source>
        <translation>Не удалось загрузить камеры плана: %1</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Drag cameras here from the Cameras panel. Drag a camera marker to move it; right-click it to remove it from the plan.</source>
        <translation>Перетащите сюда камеры с панели «Камеры». Перетащите значок камеры, чтобы переместить её; щёлкните правой кнопкой, чтобы убрать её с плана.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>the camera</source>
        <translation>камеру</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Moved %1.</source>
        <translation>Камера %1 перемещена.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Placing the camera on the plan…</source>
        <translation>Размещение камеры на плане…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1”</source>
        <translation>«%1»</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not place %1 on this plan: %2</source>
        <translation>Не удалось разместить %1 на этом плане: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Placed the camera on the plan.</source>
        <translation>Камера размещена на плане.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Placed “%1” on the plan.</source>
        <translation>Камера «%1» размещена на плане.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved the position of %1.</source>
        <translation>Положение камеры %1 сохранено.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Could not save the camera position: %1</source>
        <translation>Не удалось сохранить положение камеры: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Removed %1 from the plan.</source>
        <translation>Камера %1 убрана с плана.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not remove %1 from the plan: %2</source>
        <translation>Не удалось убрать %1 с плана: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>New place</source>
        <translation>Новое место</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create</source>
        <translation>Создать</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Created the place %1. Add a floor plan to it with Add plan….</source>
        <translation>Место %1 создано. Добавьте к нему план этажа кнопкой «Добавить план…».</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Select the place the plan belongs to first.</source>
        <translation>Сначала выберите место, к которому относится план.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the floor plan image</source>
        <translation>Выберите изображение плана этажа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.webp)</source>
        <translation>Изображения (*.png *.jpg *.jpeg *.bmp *.webp)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Add plan</source>
        <translation>Новый план</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upload and create</source>
        <translation>Загрузить и создать</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot read %1: %2</source>
        <translation>Не удаётся прочитать %1: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the server stored no image</source>
        <translation>сервер не сохранил изображение</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not upload the image: %1</source>
        <translation>Не удалось загрузить изображение: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Added the plan %1. Drag cameras from the Cameras panel onto it.</source>
        <translation>План %1 добавлен. Перетащите на него камеры с панели «Камеры».</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Rename plan</source>
        <translation>Переименование плана</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+28"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Saved the plan %1.</source>
        <translation>План %1 сохранён.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Edit place</source>
        <translation>Изменение места</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Saved the place %1.</source>
        <translation>Место %1 сохранено.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Delete plan</source>
        <translation>Удаление плана</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the plan %1? Remove its cameras from it first.</source>
        <translation>Удалить план %1? Сначала уберите с него камеры.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+23"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+23"/>
        <source>Could not delete %1: %2</source>
        <translation>Не удалось удалить %1: %2</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Deleted the plan %1.</source>
        <translation>План %1 удалён.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Delete place</source>
        <translation>Удаление места</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the place %1? A place that still has plans or cameras cannot be deleted.</source>
        <translation>Удалить место %1? Место, у которого есть планы или камеры, удалить нельзя.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Deleted the place %1.</source>
        <translation>Место %1 удалено.</translation>
    </message>
</context>
<context>
    <name>vms::ui::ProfileView</name>
    <message>
        <location filename="../ui/profile_view.cpp" line="+57"/>
        <source>Account</source>
        <translation>Учётная запись</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reload</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Email:</source>
        <translation>Эл. почта:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organization:</source>
        <translation>Организация:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role:</source>
        <translation>Роль:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Groups:</source>
        <translation>Группы:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Permissions:</source>
        <translation>Права:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save name</source>
        <translation>Сохранить имя</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>First name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name:</source>
        <translation>Фамилия:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>At least %n characters</source>
        <translation>
            <numerusform>Не менее %n символа</numerusform>
            <numerusform>Не менее %n символов</numerusform>
            <numerusform>Не менее %n символов</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change password</source>
        <translation>Сменить пароль</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Current password:</source>
        <translation>Текущий пароль:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New password:</source>
        <translation>Новый пароль:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat new password:</source>
        <translation>Повторите новый пароль:</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Loading the profile…</source>
        <translation>Загрузка профиля…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not load the profile: %1</source>
        <translation>Не удалось загрузить профиль: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Organization %1</source>
        <translation>Организация %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Superuser (role %1)</source>
        <translation>Суперпользователь (роль %1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role %1</source>
        <translation>Роль %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>None</source>
        <translation>Нет</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 granted</source>
        <translation>выдано: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The first name is longer than %1 characters.</source>
        <translation>Имя длиннее %1 символов.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The last name is longer than %1 characters.</source>
        <translation>Фамилия длиннее %1 символов.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The name is saved.</source>
        <translation>Имя сохранено.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Enter your current password.</source>
        <translation>Введите текущий пароль.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>The new password must have at least %n characters.</source>
        <translation>
            <numerusform>Новый пароль должен содержать не менее %n символа.</numerusform>
            <numerusform>Новый пароль должен содержать не менее %n символов.</numerusform>
            <numerusform>Новый пароль должен содержать не менее %n символов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>The new password must have at most %n characters.</source>
        <translation>
            <numerusform>Новый пароль должен содержать не более %n символа.</numerusform>
            <numerusform>Новый пароль должен содержать не более %n символов.</numerusform>
            <numerusform>Новый пароль должен содержать не более %n символов.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The repeated password does not match.</source>
        <translation>Повтор пароля не совпадает.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The new password is the same as the current one.</source>
        <translation>Новый пароль совпадает с текущим.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Changing the password…</source>
        <translation>Смена пароля…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The password is changed.</source>
        <translation>Пароль изменён.</translation>
    </message>
</context>
<context>
    <name>vms::ui::PtzController</name>
    <message>
        <location filename="../ui/video/ptz_controller.cpp" line="+271"/>
        <location line="+18"/>
        <source>You do not have permission to control this camera.</source>
        <translation>У вас нет права управлять этой камерой.</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>This camera has no PTZ.</source>
        <translation>У этой камеры нет PTZ.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The camera rejected the login. Check the ONVIF login and password in the camera&apos;s properties.</source>
        <translation>Камера отклонила вход. Проверьте логин и пароль ONVIF в свойствах камеры.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ONVIF is not set up for this camera. Enter its address, login and password in the camera&apos;s properties.</source>
        <translation>ONVIF для этой камеры не настроен. Укажите адрес, логин и пароль в свойствах камеры.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Camera unreachable: it does not answer over ONVIF.</source>
        <translation>Камера недоступна: она не отвечает по ONVIF.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The camera does not exist any more.</source>
        <translation>Этой камеры больше нет.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Moving to preset “%1”.</source>
        <translation>Переход к предустановке «%1».</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Preset “%1” saved.</source>
        <translation>Предустановка «%1» сохранена.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Preset “%1” deleted.</source>
        <translation>Предустановка «%1» удалена.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The current position is now home.</source>
        <translation>Текущее положение стало домашним.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Moving to the home position.</source>
        <translation>Переход в домашнее положение.</translation>
    </message>
</context>
<context>
    <name>vms::ui::PtzPanel</name>
    <message>
        <location filename="../ui/video/ptz_panel.cpp" line="+172"/>
        <source>Try again</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Movement</source>
        <translation>Движение</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Up and left</source>
        <translation>Вверх и влево</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up (↑)</source>
        <translation>Вверх (↑)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up and right</source>
        <translation>Вверх и вправо</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left (←)</source>
        <translation>Влево (←)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right (→)</source>
        <translation>Вправо (→)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down and left</source>
        <translation>Вниз и влево</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Down (↓)</source>
        <translation>Вниз (↓)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down and right</source>
        <translation>Вниз и вправо</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+186"/>
        <source>Go to the home position</source>
        <translation>Перейти в домашнее положение</translation>
    </message>
    <message>
        <location line="-181"/>
        <source>Zoom in (+)</source>
        <translation>Приблизить (+)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom out (−)</source>
        <translation>Отдалить (−)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Speed</source>
        <translation>Скорость</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>How fast the camera turns and zooms (1 slow … 10 fast)</source>
        <translation>Как быстро камера поворачивается и меняет увеличение (1 — медленно … 10 — быстро)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Steer on video</source>
        <translation>Управлять на видео</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Drag on the selected tile of the live view to turn the camera: the direction of the drag sets where it turns, its length how fast.</source>
        <translation>Тяните мышью по выбранной ячейке живого видео, чтобы поворачивать камеру: направление задаёт, куда она поворачивается, длина — как быстро.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Set as home</source>
        <translation>Сделать домашним</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+126"/>
        <source>Make the current position the camera&apos;s home position</source>
        <translation>Сделать текущее положение домашним положением камеры</translation>
    </message>
    <message>
        <location line="-111"/>
        <source>Presets</source>
        <translation>Предустановки</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Go to</source>
        <translation>Перейти</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Turn the camera to the selected preset</source>
        <translation>Повернуть камеру к выбранной предустановке</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save…</source>
        <translation>Сохранить…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the current position as a new preset</source>
        <translation>Сохранить текущее положение как новую предустановку</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+202"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location line="-154"/>
        <source>No camera selected</source>
        <translation>Камера не выбрана</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Camera</source>
        <translation>Камера</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Select a tile with a camera in the live view to control it.</source>
        <translation>Выберите ячейку с камерой в живом видео, чтобы управлять ею.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Asking the camera what it can do…</source>
        <translation>Запрос возможностей камеры…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>You may watch this camera but not turn it: your role lacks the permission to control cameras.</source>
        <translation>Вы можете смотреть эту камеру, но не поворачивать её: у вашей роли нет права управлять камерами.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>This camera has no home position.</source>
        <translation>У этой камеры нет домашнего положения.</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>The camera holds no more than %n preset(s): delete one to save another.</source>
        <translation>
            <numerusform>Камера хранит не более %n предустановки: удалите одну, чтобы сохранить другую.</numerusform>
            <numerusform>Камера хранит не более %n предустановок: удалите одну, чтобы сохранить другую.</numerusform>
            <numerusform>Камера хранит не более %n предустановок: удалите одну, чтобы сохранить другую.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No presets yet. Turn the camera and save the position.</source>
        <translation>Предустановок пока нет. Поверните камеру и сохраните положение.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Save preset</source>
        <translation>Сохранить предустановку</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The camera&apos;s current position is saved under this name on the camera.</source>
        <translation>Текущее положение камеры сохраняется в камере под этим именем.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+2"/>
        <source>Preset %1</source>
        <translation>Предустановка %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Enter a name.</source>
        <translation>Введите имя.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A preset with this name exists already.</source>
        <translation>Предустановка с таким именем уже есть.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Delete preset</source>
        <translation>Удалить предустановку</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the preset “%1” from the camera?</source>
        <translation>Удалить предустановку «%1» из камеры?</translation>
    </message>
</context>
<context>
    <name>vms::ui::RoleListModel</name>
    <message>
        <location filename="../ui/role_list_model.cpp" line="+23"/>
        <source>%1 (built-in)</source>
        <translation>%1 (встроенная)</translation>
    </message>
</context>
<context>
    <name>vms::ui::RolesEditor</name>
    <message>
        <location filename="../ui/roles_editor.cpp" line="+46"/>
        <source>Roles</source>
        <translation>Роли</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>New…</source>
        <translation>Создать…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rename…</source>
        <translation>Переименовать…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+287"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location line="-259"/>
        <source>This role is built in: its name and permissions cannot be changed.</source>
        <translation>Это встроенная роль: её название и разрешения изменить нельзя.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Filter permissions, e.g. camera or plan_read</source>
        <translation>Фильтр разрешений, например camera или plan_read</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Loading roles…</source>
        <translation>Загрузка ролей…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not load the roles: %1</source>
        <translation>Не удалось загрузить роли: %1</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Could not load the permissions of %1: %2</source>
        <translation>Не удалось загрузить разрешения роли %1: %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Granting %1…</source>
        <translation>Выдача %1…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revoking %1…</source>
        <translation>Отзыв %1…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Granted %1 to %2.</source>
        <translation>Разрешение %1 выдано роли %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revoked %1 from %2.</source>
        <translation>Разрешение %1 отозвано у роли %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not grant %1: %2</source>
        <translation>Не удалось выдать %1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not revoke %1: %2</source>
        <translation>Не удалось отозвать %1: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No role selected</source>
        <translation>Роль не выбрана</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a role on the left to see its permissions.</source>
        <translation>Выберите роль слева, чтобы увидеть её разрешения.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>New role</source>
        <translation>Новая роль</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create</source>
        <translation>Создать</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Created the role %1. It has no permissions yet: tick the ones it needs.</source>
        <translation>Роль %1 создана. Разрешений у неё пока нет: отметьте нужные.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Rename role</source>
        <translation>Переименование роли</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Saved the role %1.</source>
        <translation>Роль %1 сохранена.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Delete role</source>
        <translation>Удаление роли</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the role %1? A role that users still hold cannot be deleted.</source>
        <translation>Удалить роль %1? Роль, назначенную пользователям, удалить нельзя.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not delete %1: %2</source>
        <translation>Не удалось удалить %1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deleted the role %1.</source>
        <translation>Роль %1 удалена.</translation>
    </message>
</context>
<context>
    <name>vms::ui::UserDialog</name>
    <message numerus="yes">
        <location filename="../ui/user_dialog.cpp" line="-152"/>
        <source>The first name is longer than %n characters.</source>
        <translation>
            <numerusform>Имя длиннее %n символа.</numerusform>
            <numerusform>Имя длиннее %n символов.</numerusform>
            <numerusform>Имя длиннее %n символов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The last name is longer than %n characters.</source>
        <translation>
            <numerusform>Фамилия длиннее %n символа.</numerusform>
            <numerusform>Фамилия длиннее %n символов.</numerusform>
            <numerusform>Фамилия длиннее %n символов.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the e-mail address; the user signs in with it.</source>
        <translation>Введите адрес эл. почты — с ним пользователь входит в систему.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The e-mail address does not look valid.</source>
        <translation>Адрес эл. почты выглядит неверным.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a role.</source>
        <translation>Выберите роль.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a group: every new user belongs to one group.</source>
        <translation>Выберите группу: каждый новый пользователь состоит в одной группе.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The password must have at least %n characters.</source>
        <translation>
            <numerusform>Пароль должен содержать не менее %n символа.</numerusform>
            <numerusform>Пароль должен содержать не менее %n символов.</numerusform>
            <numerusform>Пароль должен содержать не менее %n символов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The password must have at most %n characters.</source>
        <translation>
            <numerusform>Пароль должен содержать не более %n символа.</numerusform>
            <numerusform>Пароль должен содержать не более %n символов.</numerusform>
            <numerusform>Пароль должен содержать не более %n символов.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The repeated password does not match.</source>
        <translation>Повтор пароля не совпадает.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>New user</source>
        <translation>Новый пользователь</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit user</source>
        <translation>Изменение пользователя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create user</source>
        <translation>Создать пользователя</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a role…</source>
        <translation>Выберите роль…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose a group…</source>
        <translation>Выберите группу…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No group</source>
        <translation>Без группы</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>First name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name:</source>
        <translation>Фамилия:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail:</source>
        <translation>Эл. почта:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role:</source>
        <translation>Роль:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group:</source>
        <translation>Группа:</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>At least %n characters</source>
        <translation>
            <numerusform>Не менее %n символа</numerusform>
            <numerusform>Не менее %n символов</numerusform>
            <numerusform>Не менее %n символов</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat password:</source>
        <translation>Повторите пароль:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There are no groups yet: create one on the Groups tab.</source>
        <translation>Групп ещё нет: создайте группу на вкладке «Группы».</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Role %1</source>
        <translation>Роль %1</translation>
    </message>
</context>
<context>
    <name>vms::ui::UserTableModel</name>
    <message>
        <location filename="../ui/user_table_model.cpp" line="+29"/>
        <source>Superuser: has every permission in every organization.</source>
        <translation>Суперпользователь: все разрешения во всех организациях.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>(no name)</source>
        <translation>(без имени)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Role %1</source>
        <translation>Роль %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Group</source>
        <translation>Группа</translation>
    </message>
</context>
<context>
    <name>vms::ui::UsersEditor</name>
    <message>
        <location filename="../ui/users_editor.cpp" line="+35"/>
        <source>Filter by name, e-mail, role or group</source>
        <translation>Фильтр по имени, эл. почте, роли или группе</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New user…</source>
        <translation>Новый пользователь…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset password…</source>
        <translation>Сбросить пароль…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+229"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location line="-225"/>
        <source>Reload</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Loading users…</source>
        <translation>Загрузка пользователей…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not load the users: %1</source>
        <translation>Не удалось загрузить пользователей: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not load the roles: %1</source>
        <translation>Не удалось загрузить роли: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not load the groups: %1</source>
        <translation>Не удалось загрузить группы: %1</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Created the user %1.</source>
        <translation>Пользователь %1 создан.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Saved the user %1.</source>
        <translation>Пользователь %1 сохранён.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Set a new password for %1.</source>
        <translation>Для пользователя %1 задан новый пароль.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Delete user</source>
        <translation>Удаление пользователя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the user %1 (%2)? They can no longer sign in, and this cannot be undone.</source>
        <translation>Удалить пользователя %1 (%2)? Он больше не сможет войти в систему, и это действие нельзя отменить.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deleting…</source>
        <translation>Удаление…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not delete %1: %2</source>
        <translation>Не удалось удалить %1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deleted the user %1.</source>
        <translation>Пользователь %1 удалён.</translation>
    </message>
</context>
<context>
    <name>vms::ui::VideoTile</name>
    <message>
        <location filename="../ui/video/video_tile.cpp" line="+30"/>
        <source>%1 Mbit/s</source>
        <translation>%1 Мбит/с</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 kbit/s</source>
        <translation>%1 кбит/с</translation>
    </message>
    <message>
        <location line="+158"/>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Live (key frames)</source>
        <translation>В эфире (только ключевые кадры)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Live</source>
        <translation>В эфире</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signal lost, reconnecting…</source>
        <translation>Сигнал потерян, переподключение…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Offline, reconnecting…</source>
        <translation>Нет связи, переподключение…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline, reconnecting… (%1)</source>
        <translation>Нет связи, переподключение… (%1)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1×%2</source>
        <translation>%1×%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 fps</source>
        <translation>%1 к/с</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>main stream</source>
        <translation>основной поток</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>substream</source>
        <translation>дополнительный поток</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Drop to show the camera here</source>
        <translation>Отпустите, чтобы показать камеру здесь</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drag a camera here</source>
        <translation>Перетащите камеру сюда</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>×%1</source>
        <translation>×%1</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Offline</source>
        <translation>Нет связи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for video</source>
        <translation>Ожидание видео</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>PTZ</source>
        <translation>PTZ</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>Play archive</source>
        <translation>Воспроизвести архив</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Camera settings (ONVIF)…</source>
        <translation>Настройки камеры (ONVIF)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restore</source>
        <translation>Восстановить</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Maximise</source>
        <translation>Развернуть</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reset zoom</source>
        <translation>Сбросить увеличение</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove from the view</source>
        <translation>Убрать из сетки</translation>
    </message>
</context>
</TS>
