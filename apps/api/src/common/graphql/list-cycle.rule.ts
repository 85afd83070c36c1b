import {
  ASTVisitor,
  GraphQLError,
  isListType,
  isNonNullType,
  GraphQLOutputType,
  ValidationContext,
} from 'graphql';

const isList = (t: GraphQLOutputType | null | undefined): boolean =>
  !!t && (isListType(t) || (isNonNullType(t) && isListType(t.ofType)));

/**
 * Refuses a query that walks through the same list field twice on one path, e.g.
 * `organisation { insatser { organisation { insatser { … } } } }`: each turn of such a cycle multiplies the
 * work by the list's length, which depth and cost limits (which count fields, not rows) do not see.
 */
export function noListCycleRule(context: ValidationContext): ASTVisitor {
  const stack: Array<string | null> = [];
  return {
    Field: {
      enter(node) {
        const parent = context.getParentType();
        const key = parent && isList(context.getType()) ? `${parent.name}.${node.name.value}` : null;
        if (key && stack.includes(key)) {
          context.reportError(
            new GraphQLError(`Frågan går runt i en cykel (${key} flera gånger i samma gren).`, {
              nodes: [node],
            }),
          );
          return false;
        }
        stack.push(key);
        return undefined;
      },
      leave() {
        stack.pop();
      },
    },
  };
}
