@echo off
rem hoctap: checks self-assessment workbooks (Node.js 20 or later).
rem Usage: hoctap check "D:\Nop bai"   -- see HUONG-DAN.txt beside this file.
rem Node.js is looked for beside this file (a copied node.exe), then on PATH, then where its
rem installer puts it; the exit code of hoctap is passed on (0, 1 or 2).
setlocal
set "HOCTAP_NODE="
if exist "%~dp0node.exe" set "HOCTAP_NODE=%~dp0node.exe"
if not defined HOCTAP_NODE for %%N in (node.exe) do if not "%%~$PATH:N"=="" set "HOCTAP_NODE=%%~$PATH:N"
if not defined HOCTAP_NODE if exist "%ProgramFiles%\nodejs\node.exe" set "HOCTAP_NODE=%ProgramFiles%\nodejs\node.exe"
if not defined HOCTAP_NODE if exist "%ProgramFiles(x86)%\nodejs\node.exe" set "HOCTAP_NODE=%ProgramFiles(x86)%\nodejs\node.exe"
if not defined HOCTAP_NODE if exist "%LOCALAPPDATA%\Programs\nodejs\node.exe" set "HOCTAP_NODE=%LOCALAPPDATA%\Programs\nodejs\node.exe"
if not defined HOCTAP_NODE if defined NVM_SYMLINK if exist "%NVM_SYMLINK%\node.exe" set "HOCTAP_NODE=%NVM_SYMLINK%\node.exe"
if not defined HOCTAP_NODE goto nonode
"%HOCTAP_NODE%" -e "process.exit(Number(process.versions.node.split('.')[0]) < 20 ? 1 : 0)"
if errorlevel 1 goto oldnode
rem Opened with a double click in File Explorer (cmd /c, no arguments): the help, then a pause, so
rem the window does not close before the officer has read it.
if not "%~1"=="" goto run
rem cmd's own command line holds "/c " then; read after expansion (!...!), so the quotes and
rem brackets of a folder's name cannot break the comparison.
set "HOCTAP_CLICKED="
setlocal EnableDelayedExpansion
set "HOCTAP_LINE=!cmdcmdline!"
if /i not "!HOCTAP_LINE:/c =!"=="!HOCTAP_LINE!" set "HOCTAP_CLICKED=1"
endlocal & set "HOCTAP_CLICKED=%HOCTAP_CLICKED%"
if defined HOCTAP_CLICKED goto clicked
:run
"%HOCTAP_NODE%" "%~dp0main.js" %*
exit /b %ERRORLEVEL%

:clicked
"%HOCTAP_NODE%" "%~dp0main.js" --help
echo.
call :utf8
echo hoctap chạy trong Command Prompt, không mở bằng cách bấm đúp. Bấm phím Windows, gõ cmd, bấm Enter,
echo rồi gõ một lệnh, ví dụ:  %~dp0hoctap check "D:\Nop bai"   (xem HUONG-DAN.txt trong thư mục này)
call :restore
pause
exit /b 0

:nonode
call :utf8
echo hoctap: không tìm thấy Node.js trên máy này. Cài Node.js bản LTS (20 trở lên) từ https://nodejs.org rồi mở lại Command Prompt, hoặc chép node.exe vào thư mục %~dp0 (xem HUONG-DAN.txt). 1>&2
call :restore
exit /b 2

:oldnode
call :utf8
echo hoctap: Node.js trên máy này đã cũ, cần bản 20 trở lên. Cài bản LTS mới từ https://nodejs.org rồi mở lại Command Prompt (xem HUONG-DAN.txt). 1>&2
call :restore
exit /b 2

rem The Vietnamese lines above are read after the switch to UTF-8 (cmd reads a batch file line by
rem line, each in the code page of the moment); the officer's code page is given back afterwards.
:utf8
set "HOCTAP_CP="
for /f "tokens=2 delims=:." %%C in ('chcp') do set /a HOCTAP_CP=%%C
chcp 65001 >nul
exit /b 0

:restore
if defined HOCTAP_CP chcp %HOCTAP_CP% >nul
exit /b 0
