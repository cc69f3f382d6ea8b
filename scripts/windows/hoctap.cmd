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
"%HOCTAP_NODE%" "%~dp0main.js" %*
exit /b %ERRORLEVEL%

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
