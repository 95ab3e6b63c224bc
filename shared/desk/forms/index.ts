// The desk's forms: zod schemas built from the field validators, for the IPC contract and the CSV
// import, with field-level problems ({field, reason}) for the renderer to show under each field.
export { checkedField, checkText, fieldProblemsOf, optionalCheckedField, optionalTextField, textField } from './form-fields';
export type { FormCheck, FormFieldProblem } from './form-fields';
export { checkMerchantForm, merchantFormSchema, merchantFormSchemaFor, merchantTextLimits } from './merchant-form';
export type { MerchantForm, MerchantFormInput } from './merchant-form';
export { maskMerchantForm, sensitiveMerchantFields } from './merchant-mask';
export { checkTerminalForm, firmwareMaxLength, terminalFormSchema } from './terminal-form';
export type { TerminalForm, TerminalFormInput } from './terminal-form';
export { merchantEditFormSchema } from './merchant-edit-form';
export type { MerchantEditForm } from './merchant-edit-form';
