import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFObject,
  PDFObjectCopier,
  PDFRef,
  PDFString,
} from 'pdf-lib';

/**
 * Appends every page of a tagged PDF (the signeringsintyg) to a tagged PDF (the report) and keeps both accessible:
 * the appended pages' structure elements are copied under the report's Document element (reading order: after the
 * report), their marked content is re-registered in the report's ParentTree under new keys, and the pages get labels
 * of their own ("Signeringsintyg 1"), so the report's printed "Sida N av M" stays true for the report's pages.
 *
 * pdf-lib copies pages but not structure trees, and copying a structure element with its object copier would drag
 * the source's whole page tree along (through /Pg and /P), so the elements are rebuilt here with /Pg mapped to the
 * copied pages.
 */
export async function appendTaggedPages(
  target: PDFDocument,
  source: PDFDocument,
  labelPrefix: string,
): Promise<void> {
  const firstNew = target.getPageCount();
  const srcPages = source.getPages();
  const copied = await target.copyPages(source, source.getPageIndices());
  const pageRef = new Map<string, PDFRef>();
  copied.forEach((p, i) => {
    target.addPage(p);
    pageRef.set(srcPages[i].ref.toString(), p.ref);
  });

  const tctx = target.context;
  const sctx = source.context;
  const copier = PDFObjectCopier.for(sctx, tctx);
  const tRoot = tctx.lookup(target.catalog.get(PDFName.of('StructTreeRoot')), PDFDict);
  const sRoot = sctx.lookup(source.catalog.get(PDFName.of('StructTreeRoot')), PDFDict);
  if (!tRoot || !sRoot) throw new Error('both documents must be tagged to append with their structure');

  // Rebuild the source's structure elements in the target.
  const elemRef = new Map<string, PDFRef>();
  const copyElem = (srcRef: PDFRef, parent: PDFRef): PDFRef => {
    const src = sctx.lookup(srcRef, PDFDict);
    const ref = tctx.nextRef();
    elemRef.set(srcRef.toString(), ref);
    const dst = tctx.obj({});
    for (const [key, value] of src.entries()) {
      const k = key.asString();
      if (k === '/P') dst.set(key, parent);
      else if (k === '/Pg') dst.set(key, pageRef.get(String(value)) ?? value);
      else if (k === '/K') dst.set(key, copyKids(value, ref));
      else dst.set(key, copier.copy(value));
    }
    tctx.assign(ref, dst);
    return ref;
  };
  const copyKid = (kid: PDFObject, parent: PDFRef): PDFObject => {
    if (kid instanceof PDFNumber) return kid;
    if (kid instanceof PDFRef) {
      const obj = sctx.lookup(kid);
      if (obj instanceof PDFDict && obj.get(PDFName.of('S'))) return copyElem(kid, parent);
      return copier.copy(kid);
    }
    if (kid instanceof PDFDict) {
      // a marked-content or object reference: only its page needs mapping
      const dst = tctx.obj({});
      for (const [key, value] of kid.entries())
        dst.set(key, key.asString() === '/Pg' ? (pageRef.get(String(value)) ?? value) : copier.copy(value));
      return dst;
    }
    return copier.copy(kid);
  };
  const copyKids = (value: PDFObject, parent: PDFRef): PDFObject =>
    value instanceof PDFArray
      ? tctx.obj(value.asArray().map((k) => copyKid(k, parent)))
      : copyKid(value, parent);

  // The report's Document element receives the appended top-level elements (children of the source's Document).
  const tDocRef = documentElement(tRoot);
  const tDoc = tctx.lookup(tDocRef, PDFDict);
  const sDocRef = documentElement(sRoot);
  const sDoc = sctx.lookup(sDocRef, PDFDict);
  const sKids = sDoc.get(PDFName.of('K'));
  const added = sKids instanceof PDFArray ? sKids.asArray() : sKids ? [sKids] : [];
  const tKids = tDoc.get(PDFName.of('K'));
  const kids = tKids instanceof PDFArray ? tKids : tctx.obj(tKids ? [tKids] : []);
  for (const kid of added) kids.push(copyKid(kid, tDocRef));
  tDoc.set(PDFName.of('K'), kids);

  // Register the appended pages' marked content in the report's ParentTree under fresh keys.
  const tTree = tctx.lookup(tRoot.get(PDFName.of('ParentTree')), PDFDict);
  const sTree = sctx.lookup(sRoot.get(PDFName.of('ParentTree')), PDFDict);
  const tNums = flatNums(tctx, tTree);
  const sNums = flatNums(sctx, sTree);
  let next = Math.max(-1, ...tNums.keys()) + 1;
  const nextKey = tRoot.get(PDFName.of('ParentTreeNextKey'));
  if (nextKey instanceof PDFNumber) next = Math.max(next, nextKey.asNumber());
  copied.forEach((page, i) => {
    const sp = srcPages[i].node.get(PDFName.of('StructParents'));
    if (!(sp instanceof PDFNumber)) return;
    const entry = sctx.lookup(sNums.get(sp.asNumber()));
    const mapped =
      entry instanceof PDFArray
        ? tctx.obj(entry.asArray().map((e) => (e instanceof PDFRef ? (elemRef.get(e.toString()) ?? e) : e)))
        : entry instanceof PDFRef
          ? (elemRef.get(entry.toString()) ?? entry)
          : tctx.obj([]);
    page.node.set(PDFName.of('StructParents'), PDFNumber.of(next));
    tNums.set(next, mapped);
    next += 1;
  });
  const nums = tctx.obj([]);
  for (const [k, v] of [...tNums.entries()].sort((a, b) => a[0] - b[0])) {
    nums.push(PDFNumber.of(k));
    nums.push(v);
  }
  const tree = tctx.obj({ Nums: nums });
  tRoot.set(PDFName.of('ParentTree'), tctx.register(tree));
  tRoot.set(PDFName.of('ParentTreeNextKey'), PDFNumber.of(next));

  // Page labels: the report keeps 1…N, the appended pages are "<prefix>1", "<prefix>2" …
  target.catalog.set(
    PDFName.of('PageLabels'),
    tctx.obj({
      Nums: [
        0,
        { S: PDFName.of('D') },
        firstNew,
        { S: PDFName.of('D'), P: PDFString.of(labelPrefix), St: 1 },
      ],
    }),
  );
}

function documentElement(root: PDFDict): PDFRef {
  const k = root.get(PDFName.of('K'));
  const first = k instanceof PDFArray ? k.get(0) : k;
  if (!(first instanceof PDFRef)) throw new Error('the structure tree has no Document element');
  return first;
}

/** A number tree flattened to key → value (pdfkit writes one level of Nums; a Kids tree is walked too). */
function flatNums(ctx: PDFDocument['context'], node: PDFDict): Map<number, PDFObject> {
  const out = new Map<number, PDFObject>();
  const nums = ctx.lookup(node.get(PDFName.of('Nums')));
  if (nums instanceof PDFArray)
    for (let i = 0; i + 1 < nums.size(); i += 2)
      out.set((nums.get(i) as PDFNumber).asNumber(), nums.get(i + 1));
  const kids = ctx.lookup(node.get(PDFName.of('Kids')));
  if (kids instanceof PDFArray)
    for (const kid of kids.asArray())
      for (const [k, v] of flatNums(ctx, ctx.lookup(kid, PDFDict))) out.set(k, v);
  return out;
}
