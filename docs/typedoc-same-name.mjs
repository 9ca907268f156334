// A TypeDoc plugin for one pattern of this package: each namespace object
// (`Network`, `Layer`, `Activation`, `Loss`) shares its name with a type,
// declared in the lowest source file that needs it (src/model/, src/math/)
// and re-exported beside the object as `/** @interface */ export type
// Network = NetworkType`. TypeDoc documents that alias as the interface;
// this plugin also files it under the interface's own symbol, so that every
// signature naming the type links to that page instead of warning that the
// type is not documented.
import ts from 'typescript';
import { Converter, ReflectionKind } from 'typedoc';

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    if (reflection.kind !== ReflectionKind.Interface) return;
    const declaration = context.getSymbolFromReflection(reflection)?.declarations?.[0];
    if (declaration === undefined || !ts.isTypeAliasDeclaration(declaration)) return;
    const target = context.checker.getTypeAtLocation(declaration.type).getSymbol();
    if (target !== undefined) context.registerReflection(reflection, target);
  });
}
