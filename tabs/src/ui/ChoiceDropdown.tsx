import { Dropdown, Field, Option, makeStyles } from '@fluentui/react-components';

const useStyles = makeStyles({
  dropdown: { width: '100%', minWidth: 0 },
});

export interface ChoiceDropdownProps<T extends string> {
  label: string;
  value: T;
  options: readonly T[];
  /** What an option reads as (the selected one too). */
  optionLabel: (option: T) => string;
  onChange: (option: T) => void;
  testId: string;
  /** The field's (its width in the row). */
  className?: string;
  required?: boolean;
  validationMessage?: string | undefined;
}

/** A labelled choice among a few fixed options: a filter, or a form's pick. */
export function ChoiceDropdown<T extends string>({ label, value, options, optionLabel, onChange, testId, className, required, validationMessage }: ChoiceDropdownProps<T>) {
  const styles = useStyles();
  return (
    <Field label={label} className={className} required={required} validationMessage={validationMessage}>
      <Dropdown className={styles.dropdown} value={optionLabel(value)} selectedOptions={[value]} onOptionSelect={(_, o) => o.optionValue && onChange(o.optionValue as T)} data-testid={testId}>
        {options.map((option) => (
          <Option key={option} value={option}>
            {optionLabel(option)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
