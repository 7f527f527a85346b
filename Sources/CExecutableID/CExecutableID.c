#include "CExecutableID.h"

#if defined(__linux__)
#define _GNU_SOURCE
#include <elf.h>
#include <link.h>
#include <string.h>

struct found { unsigned char *out; int capacity; int length; };

/* Called by dl_iterate_phdr for each loaded object, the main program first: looks through its
   PT_NOTE segments for an NT_GNU_BUILD_ID note named "GNU", then stops (returns non-zero). */
static int visit(struct dl_phdr_info *info, size_t size, void *data) {
    (void)size;
    struct found *f = data;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type != PT_NOTE) continue;
        const unsigned char *p = (const unsigned char *)(info->dlpi_addr + ph->p_vaddr);
        size_t offset = 0, end = ph->p_memsz;
        while (offset + sizeof(ElfW(Nhdr)) <= end) {
            const ElfW(Nhdr) *note = (const ElfW(Nhdr) *)(p + offset);
            size_t name = offset + sizeof(ElfW(Nhdr));
            size_t desc = name + ((note->n_namesz + 3) & ~(size_t)3);
            size_t next = desc + ((note->n_descsz + 3) & ~(size_t)3);
            if (next > end) break;
            if (note->n_type == NT_GNU_BUILD_ID && note->n_namesz == 4 && memcmp(p + name, "GNU", 4) == 0
                && note->n_descsz > 0 && (int)note->n_descsz <= f->capacity) {
                memcpy(f->out, p + desc, note->n_descsz);
                f->length = (int)note->n_descsz;
                return 1;
            }
            offset = next;
        }
    }
    return 1;
}

int fidelis_executable_build_id(unsigned char *out, int capacity) {
    struct found f = { out, capacity, 0 };
    dl_iterate_phdr(visit, &f);
    return f.length;
}
#else
int fidelis_executable_build_id(unsigned char *out, int capacity) { (void)out; (void)capacity; return 0; }
#endif
