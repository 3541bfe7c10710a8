/**
 * The options a screen offers for one of the contract's enumerations, in the order it shows them. The
 * contract (openapi.json, from the API's one definition) holds the values; a screen's list is only their
 * order, and the type check refuses a list that leaves one out or names one the contract does not have:
 *   const FORMS = everyValueOf<ExploitationForm>()(['sexual_exploitation', …]);
 */
export function everyValueOf<T extends string>() {
  return <const L extends readonly T[]>(
    list: L & ([Exclude<T, L[number]>] extends [never] ? unknown : { missingFromTheList: Exclude<T, L[number]> }),
  ): L => list;
}
