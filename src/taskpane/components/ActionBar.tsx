import { tokens } from "@fluentui/react-components";
import { Button } from "./Button";
import type { Assessment } from "../useAssessment";
import { Busy } from "./Busy";
import type { Strings } from "../strings";
import { row } from "./styles";

/** Writing and removing the results: short labels that fit side by side from 280 px up. */
export function ActionBar({ a, t }: { a: Assessment; t: Strings }) {
  const disabled = a.busy !== null;
  const hasTable = Boolean(a.checked?.check);
  const read = a.checked?.read;
  // Only the product's results on this sheet can be removed: with none, there is nothing to do.
  const hasResults = Boolean(
    read?.snapshot.definedNames.some((n) => n.refSheet === read.sheet && /^hoctap_kq_/i.test(n.name))
  );
  return (
    <div role="group" aria-label={t.actionsLabel} style={row(tokens.spacingHorizontalS)}>
      <Button
        appearance="primary"
        disabled={disabled || !hasTable}
        title={t.writeHint}
        onClick={() => void a.write()}
      >
        {t.write}
      </Button>
      <Button disabled={disabled || !hasResults} title={t.cleanHint} onClick={() => void a.clean()}>
        {t.clean}
      </Button>
      {disabled && a.checked ? <Busy label={t.working} live /> : null}
    </div>
  );
}
