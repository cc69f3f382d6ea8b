// The ribbon's only button opens the task pane (a ShowTaskpane action in manifest.xml), so this
// function file just has to initialise Office.js for the ribbon to work in every host.
import { initialiseFunctionFile } from "../excel/connector";

initialiseFunctionFile();
